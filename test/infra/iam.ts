// Reads IAM statements out of synthesized templates, so infra tests can assert grant scope without CloudFormation details.
import type { Template } from 'aws-cdk-lib/assertions';

export interface Statement {
  policy: string;
  roles: unknown[];
  actions: string[];
  resources: unknown[];
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Every Allow statement of every AWS::IAM::Policy and inline role policy in the template. */
export function statementsOf(template: Template): Statement[] {
  const out: Statement[] = [];
  const add = (policy: string, roles: unknown[], document: { Statement?: Record<string, unknown>[] } | undefined) => {
    for (const s of document?.Statement ?? []) {
      out.push({ policy, roles, actions: list(s.Action as string | string[]), resources: list(s.Resource) });
    }
  };
  for (const [id, policy] of Object.entries(template.findResources('AWS::IAM::Policy'))) {
    add(id, list(policy.Properties.Roles), policy.Properties.PolicyDocument);
  }
  for (const [id, role] of Object.entries(template.findResources('AWS::IAM::Role'))) {
    for (const inline of list(role.Properties.Policies) as { PolicyDocument: { Statement?: Record<string, unknown>[] } }[]) {
      add(id, [{ Ref: id }], inline.PolicyDocument);
    }
  }
  return out;
}

/** The statements attached to one role (by its logical id). */
export function statementsOfRole(template: Template, roleLogicalId: string): Statement[] {
  return statementsOf(template).filter((s) => s.roles.some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleLogicalId })));
}

export const DYNAMODB_WRITES = /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem|PartiQL(Insert|Update|Delete)|\*)$/;

/** A literal `*` anywhere in a resource, including inside Fn::Join parts. */
export function hasWildcard(resource: unknown): boolean {
  return JSON.stringify(resource).includes('*');
}

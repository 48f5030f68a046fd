// What the allocation and head-count use cases need from storage.
import type { DatasetSummary, HeadcountDataset } from '../headcounts/types.js';
import type { AllocationRun, PublishedLine, RunSummary } from './types.js';

export interface HeadcountRepository {
  putDataset(dataset: HeadcountDataset): Promise<void>;
  getDataset(id: string): Promise<HeadcountDataset | undefined>;
  /** Newest first, without the lines. */
  listDatasets(limit: number): Promise<DatasetSummary[]>;
}

export interface AllocationRepository {
  /** Stores a new draft; never overwrites. */
  putRun(run: AllocationRun): Promise<void>;
  getRun(id: string): Promise<AllocationRun | undefined>;
  /** Newest first, without the lines. */
  listRuns(limit: number): Promise<RunSummary[]>;
  /**
   * Marks the draft published and makes its lines the current allocation, removing the lines of
   * municipalities it does not contain, all at once. ConflictError when the run is no longer a draft or
   * another publication happened meanwhile.
   */
  publish(run: AllocationRun, publishedAt: string, publishedBy: string): Promise<AllocationRun>;
  currentLines(): Promise<PublishedLine[]>;
  currentLine(code: string): Promise<PublishedLine | undefined>;
}

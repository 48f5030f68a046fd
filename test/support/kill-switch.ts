// Fault injection for "a process killed at a random point": after N calls through wrapped ports, every call throws.
export class KillSwitch {
  calls = 0;
  constructor(readonly killAfter: number) {}
  get dead(): boolean {
    return this.calls >= this.killAfter;
  }
  /** Wraps every method of `port`: each call counts, and once the budget is spent the call throws instead of running. */
  wrap<T extends object>(port: T): T {
    return new Proxy(port, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (this.dead) return Promise.reject(new Error('killed'));
          this.calls++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }
}

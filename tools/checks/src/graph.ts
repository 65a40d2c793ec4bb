// Directed graphs for the cycle checks: strongly connected components and one cycle through each.

/** Strongly connected components with more than one node, or a node with an edge to itself (Tarjan). */
export function cyclicComponents<T>(nodes: Iterable<T>, edges: (node: T) => Iterable<T>): T[][] {
  let counter = 0;
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const components: T[][] = [];
  const visit = (v: T): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: T[] = [];
      let w: T;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || [...edges(v)].includes(v)) components.push(component.reverse());
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return components;
}

/** A shortest cycle from `start` back to itself inside `component` (breadth-first): [start, ..., start]. */
export function cycleThrough<T>(start: T, component: T[], edges: (node: T) => Iterable<T>): T[] {
  const inside = new Set(component);
  const previous = new Map<T, T>();
  const queue: T[] = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of edges(node)) {
      if (!inside.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let n: T | undefined = node; n !== undefined && n !== start; n = previous.get(n)) path.splice(1, 0, n);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

import { Store } from '../../client/src/officer/store';

interface S {
  a: number;
  b: string;
  list: readonly number[];
}

const initial = (): S => ({ a: 1, b: 'x', list: [] });

test('get returns the state; set replaces it and leaves the old one as it was', () => {
  const first = initial();
  const store = new Store<S>(first);
  const before = store.get();
  expect(before).toEqual(first);
  store.set({ a: 2 });
  expect(store.get()).toEqual({ a: 2, b: 'x', list: [] });
  expect(before.a).toBe(1);
  expect(first.a).toBe(1);
  expect(Object.isFrozen(store.get())).toBe(true);
});

test('a listener runs for the keys it names, once per set, after the whole patch', () => {
  const store = new Store<S>(initial());
  const seen: [number, string, string[]][] = [];
  store.subscribe(['a', 'b'], (s, changed) => seen.push([s.a, s.b, [...changed].map(String)]));
  store.set({ a: 2, b: 'y' });
  store.set({ list: [1] });
  store.set({ b: 'z' });
  expect(seen).toEqual([
    [2, 'y', ['a', 'b']],
    [2, 'z', ['b']],
  ]);
});

test('an unchanged value (Object.is) is no change and runs no listener', () => {
  const store = new Store<S>(initial());
  const list = [1, 2];
  store.set({ list });
  const calls: unknown[] = [];
  store.subscribe(['a', 'list'], (_, changed) => calls.push([...changed]));
  store.set({ a: 1, list });
  store.set({});
  expect(calls).toEqual([]);
  // A new array with the same items is a change: replace values to say they changed.
  store.set({ list: [1, 2] });
  expect(calls).toEqual([['list']]);
});

test('listeners run in the order they subscribed; unsubscribing stops them', () => {
  const store = new Store<S>(initial());
  const order: string[] = [];
  const stopFirst = store.subscribe(['a'], () => order.push('first'));
  store.subscribe(['a'], () => order.push('second'));
  store.set({ a: 2 });
  stopFirst();
  store.set({ a: 3 });
  expect(order).toEqual(['first', 'second', 'second']);
});

test('a listener that unsubscribes another during a round stops it in that round', () => {
  const store = new Store<S>(initial());
  const calls: string[] = [];
  let stopSecond = () => {};
  store.subscribe(['a'], () => {
    calls.push('first');
    stopSecond();
  });
  stopSecond = store.subscribe(['a'], () => calls.push('second'));
  store.set({ a: 2 });
  expect(calls).toEqual(['first']);
});

test('a set inside a listener applies at once and reaches its listeners after the round', () => {
  const store = new Store<S>(initial());
  const log: string[] = [];
  store.subscribe(['a'], (s) => {
    log.push(`a=${s.a}`);
    if (s.a === 2) store.set({ b: 'from listener' });
    log.push(`after set b=${store.get().b}`);
  });
  store.subscribe(['a'], (s) => log.push(`second sees b=${s.b}`));
  store.subscribe(['b'], (s, changed) => log.push(`b listener: ${s.b} [${[...changed].join()}]`));
  store.set({ a: 2 });
  expect(log).toEqual([
    'a=2',
    'after set b=from listener',
    'second sees b=from listener',
    'b listener: from listener [b]',
  ]);
});

test('a throwing listener does not stop the others; its error is thrown after them', () => {
  const store = new Store<S>(initial());
  const ran: string[] = [];
  const stop = store.subscribe(['a'], () => {
    throw new Error('render failed');
  });
  store.subscribe(['a'], () => ran.push('second'));
  expect(() => store.set({ a: 2 })).toThrow('render failed');
  expect(ran).toEqual(['second']);
  expect(store.get().a).toBe(2);
  // The store is usable afterwards.
  stop();
  store.set({ a: 3 });
  expect(ran).toEqual(['second', 'second']);
});

// An in-memory localStorage for workerd, which has none: MSW's cookie store reads it when it loads.
const items = new Map();
globalThis.localStorage ??= {
  getItem: (key) => items.get(key) ?? null,
  setItem: (key, value) => void items.set(key, String(value)),
  removeItem: (key) => void items.delete(key),
  clear: () => items.clear(),
  key: (index) => [...items.keys()][index] ?? null,
  get length() {
    return items.size;
  },
};

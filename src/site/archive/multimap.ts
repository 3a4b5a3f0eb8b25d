/** A map of lists, filled in one pass. */

/** Appends `value` to the list under `key`, unless it is already the list's last item. */
export function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

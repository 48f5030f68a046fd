// Pure questions about municipality lists.
import { isValidOn, type Municipality } from './types.js';

/** Sorted by code so listings are stable: state cities (letters) after novadi (digits). */
export function sortByCode(list: readonly Municipality[]): Municipality[] {
  return [...list].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function validOn(list: readonly Municipality[], date: string): Municipality[] {
  return list.filter((m) => isValidOn(m, date));
}

/** The page's elements by id (intern.html has every element the scripts use). */

/**
 * The element with this id.
 *
 * @typeParam T - the element's type, e.g. HTMLSelectElement
 */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

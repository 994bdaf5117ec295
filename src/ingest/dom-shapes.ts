/**
 * The few DOM features HTML extraction uses, as structural types: the project compiles without
 * the browser's DOM library, and linkedom's nodes have these shapes.
 */

/** A node: element, text, comment. */
export interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Looking elements up by CSS selector. */
export interface DomQueryable {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** An element. */
export interface DomElement extends DomNode, DomQueryable {
  tagName: string;
  getAttribute(name: string): string | null;
  remove(): void;
}

/** A parsed document. */
export interface DomDocument extends DomQueryable {
  body: DomElement | null;
}

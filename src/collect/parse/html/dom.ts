import type { CheerioAPI } from "cheerio";

/** The slice of the parsed DOM the structured-data readers walk (cheerio's node shape). */
export interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  data?: string;
  parent?: DomNode | null;
}

export function rootNode($: CheerioAPI): DomNode {
  return $.root()[0] as unknown as DomNode;
}

export function isTag(n: DomNode): boolean {
  return n.type === "tag" || n.type === "script" || n.type === "style";
}

/** Pre-order walk without recursion, so a deeply nested page cannot overflow the stack. */
export function forEachElement(root: DomNode, visit: (el: DomNode) => void): void {
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as DomNode;
    if (n !== root && isTag(n)) visit(n);
    const kids = n.children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as DomNode);
  }
}

export function textOf(n: DomNode): string {
  const parts: string[] = [];
  const stack: DomNode[] = [n];
  while (stack.length > 0) {
    const c = stack.pop() as DomNode;
    if (c.type === "text" && c.data) parts.push(c.data);
    const kids = c !== n && (c.name === "script" || c.name === "style") ? undefined : c.children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as DomNode);
  }
  return parts.join("");
}

export function attr(n: DomNode, name: string): string | undefined {
  return n.attribs?.[name];
}

export function hasAttr(n: DomNode, name: string): boolean {
  return n.attribs !== undefined && Object.hasOwn(n.attribs, name);
}

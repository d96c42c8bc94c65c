import { collapseWhitespace } from "../util.ts";
import { attr, type DomNode, forEachElement, hasAttr, textOf } from "./dom.ts";
import type { Thing } from "./schema-nodes.ts";

function literal(el: DomNode): string {
  const content = attr(el, "content");
  if (content !== undefined) return content;
  if (el.name === "time" && hasAttr(el, "datetime")) return attr(el, "datetime") ?? "";
  if (el.name === "meter" || el.name === "data") return attr(el, "value") ?? "";
  return collapseWhitespace(textOf(el));
}

function add(thing: Thing, key: string, value: unknown): void {
  const prev = thing[key];
  if (prev === undefined) thing[key] = value;
  else if (Array.isArray(prev)) prev.push(value);
  else thing[key] = [prev, value];
}

function buildThing(el: DomNode, depth: number): Thing {
  const thing: Thing = { "@type": (attr(el, "typeof") ?? "").trim().split(/\s+/).filter(Boolean) };
  const about = attr(el, "resource") ?? attr(el, "about");
  if (about) thing["@id"] = about;
  if (depth > 20) return thing;
  const stack = [...(el.children ?? [])].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as DomNode;
    if (n.type !== "tag") continue;
    const props = attr(n, "property")?.trim();
    const typed = hasAttr(n, "typeof");
    if (props) {
      const value = typed ? buildThing(n, depth + 1) : literal(n);
      for (const p of props.split(/\s+/)) add(thing, p, value);
    }
    if (typed) continue;
    const kids = n.children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as DomNode);
  }
  return thing;
}

/** Top-level RDFa things (`typeof` elements that are not a property of an enclosing thing). */
export function extractRdfa(root: DomNode): Thing[] {
  const out: Thing[] = [];
  forEachElement(root, (el) => {
    if (!hasAttr(el, "typeof")) return;
    if (hasAttr(el, "property") && hasTypedAncestor(el)) return;
    out.push(buildThing(el, 0));
  });
  return out;
}

function hasTypedAncestor(el: DomNode): boolean {
  for (let p = el.parent; p; p = p.parent) if (p.type === "tag" && hasAttr(p, "typeof")) return true;
  return false;
}

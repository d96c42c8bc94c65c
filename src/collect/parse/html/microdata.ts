import { collapseWhitespace } from "../util.ts";
import { attr, type DomNode, forEachElement, hasAttr, textOf } from "./dom.ts";
import type { Thing } from "./schema-nodes.ts";

const URL_VALUE: Record<string, string> = {
  a: "href",
  area: "href",
  link: "href",
  audio: "src",
  embed: "src",
  iframe: "src",
  img: "src",
  source: "src",
  track: "src",
  video: "src",
  object: "data",
};

/** HTML microdata property value, per the WHATWG algorithm (`content` first, as extractors do). */
function propertyValue(el: DomNode): string {
  const content = attr(el, "content");
  if (content !== undefined) return content;
  const name = el.name ?? "";
  const urlAttr = URL_VALUE[name];
  if (urlAttr) return attr(el, urlAttr) ?? "";
  if (name === "data" || name === "meter") return attr(el, "value") ?? "";
  if (name === "time" && hasAttr(el, "datetime")) return attr(el, "datetime") ?? "";
  return collapseWhitespace(textOf(el));
}

function addProp(thing: Thing, key: string, value: unknown): void {
  const name = key.includes("/") ? (key.split(/[/#]/).pop() ?? key) : key;
  const prev = thing[name];
  if (prev === undefined) thing[name] = value;
  else if (Array.isArray(prev)) prev.push(value);
  else thing[name] = [prev, value];
}

interface Ctx {
  byId: Map<string, DomNode>;
  building: Set<DomNode>;
}

function buildItem(el: DomNode, ctx: Ctx, depth: number): Thing {
  const thing: Thing = {};
  const itemtype = attr(el, "itemtype")?.trim();
  if (itemtype) thing["@type"] = itemtype.split(/\s+/);
  const itemid = attr(el, "itemid");
  if (itemid) thing["@id"] = itemid;
  if (depth > 20 || ctx.building.has(el)) return thing;
  ctx.building.add(el);
  const roots: DomNode[] = [...(el.children ?? [])];
  for (const ref of (attr(el, "itemref") ?? "").split(/\s+/).filter(Boolean)) {
    const target = ctx.byId.get(ref);
    if (target) roots.push(target);
  }
  const stack = roots.reverse();
  while (stack.length > 0) {
    const n = stack.pop() as DomNode;
    if (n.type !== "tag") continue;
    const names = attr(n, "itemprop")?.trim();
    const scope = hasAttr(n, "itemscope");
    if (names) {
      const value = scope ? buildItem(n, ctx, depth + 1) : propertyValue(n);
      for (const name of names.split(/\s+/)) addProp(thing, name, value);
    }
    if (scope) continue;
    const kids = n.children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as DomNode);
  }
  ctx.building.delete(el);
  return thing;
}

/** Top-level microdata items (those that are not another item's property), in document order. */
export function extractMicrodata(root: DomNode): Thing[] {
  const scopes: DomNode[] = [];
  const byId = new Map<string, DomNode>();
  forEachElement(root, (el) => {
    const id = attr(el, "id");
    if (id && !byId.has(id)) byId.set(id, el);
    if (hasAttr(el, "itemscope")) scopes.push(el);
  });
  if (scopes.length === 0) return [];
  const ctx: Ctx = { byId, building: new Set() };
  const referenced = new Set<string>();
  for (const el of scopes) for (const ref of (attr(el, "itemref") ?? "").split(/\s+/)) if (ref) referenced.add(ref);
  // Top level: not a property of another item, by nesting or by itemref.
  const isTopLevel = (el: DomNode) =>
    !hasAttr(el, "itemprop") || (!hasScopeAncestor(el) && !referenced.has(attr(el, "id") ?? "\u0000"));
  return scopes.filter(isTopLevel).map((el) => buildItem(el, ctx, 0));
}

function hasScopeAncestor(el: DomNode): boolean {
  for (let p = el.parent; p; p = p.parent) if (p.type === "tag" && hasAttr(p, "itemscope")) return true;
  return false;
}

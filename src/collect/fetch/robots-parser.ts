/**
 * robots.txt as RFC 9309 defines it: groups opened by one or more user-agent
 * lines; the group for our product token (case-insensitive) wins, else `*`;
 * the longest matching rule decides, Allow winning a tie; `*` matches any run
 * of characters and a final `$` anchors the end. Crawl-delay is not in the RFC
 * but widely used, so it is read from the chosen group.
 */
export const ROBOTS_MAX_BYTES = 500 * 1024;

export interface RobotsRule {
  allow: boolean;
  /** Pattern with percent-encoding normalised (see normalisePath). */
  pattern: string;
}

interface Group {
  agents: string[];
  rules: RobotsRule[];
  crawlDelaySec?: number;
}

export interface RobotsRules {
  rules: RobotsRule[];
  crawlDelaySec?: number;
}

export interface ParsedRobots {
  groups: Group[];
  sitemaps: string[];
}

/** Parses the text; callers cap it at ROBOTS_MAX_BYTES before decoding (see robots.ts). */
export function parseRobots(text: string): ParsedRobots {
  const groups: Group[] = [];
  const sitemaps: string[] = [];
  let current: Group | undefined;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, "").trim();
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === "user-agent") {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    if (key === "sitemap") {
      if (value) sitemaps.push(value);
      continue;
    }
    lastWasAgent = false;
    if (!current) continue; // rules before any user-agent line belong to no group
    if (key === "allow" || key === "disallow") {
      // An empty Disallow says "nothing is disallowed": it adds no rule.
      if (value === "") continue;
      current.rules.push({ allow: key === "allow", pattern: normalisePath(value) });
    } else if (key === "crawl-delay") {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelaySec = seconds;
    }
  }
  return { groups, sitemaps };
}

/** Product token of a User-Agent string: `ReputationMonitor/0.1 (...)` -> `reputationmonitor`. */
export function productToken(userAgent: string): string {
  return (userAgent.trim().split(/[/\s]/)[0] ?? "").toLowerCase();
}

/** The rules that apply to `token`: all groups naming it merged, else all `*` groups merged. */
export function rulesFor(parsed: ParsedRobots, token: string): RobotsRules {
  const wanted = token.toLowerCase();
  let chosen = parsed.groups.filter((g) => g.agents.includes(wanted));
  if (chosen.length === 0) chosen = parsed.groups.filter((g) => g.agents.includes("*"));
  const rules = chosen.flatMap((g) => g.rules);
  const delays = chosen.map((g) => g.crawlDelaySec).filter((d): d is number => d !== undefined);
  return delays.length > 0 ? { rules, crawlDelaySec: Math.max(...delays) } : { rules };
}

/**
 * Upper-cases percent-escapes and percent-encodes anything outside printable
 * ASCII, so `/caf%c3%a9`, `/café` and `/caf%C3%A9` compare equal.
 */
export function normalisePath(path: string): string {
  let out = "";
  for (const ch of path) {
    const code = ch.codePointAt(0) ?? 0;
    if (code > 0x20 && code < 0x7f) out += ch;
    else out += encodeURIComponent(ch);
  }
  return out.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase());
}

/**
 * Whether `pattern` matches `path` from its start. Iterative wildcard matching
 * (no regular expressions) so a hostile file cannot make matching exponential.
 */
export function matchesPattern(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith("$");
  const pat = anchored ? pattern.slice(0, -1) : pattern;
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < path.length) {
    if (p < pat.length && pat[p] !== "*" && pat[p] === path[s]) {
      p++;
      s++;
    } else if (p < pat.length && pat[p] === "*") {
      starP = p++;
      starS = s;
    } else if (p === pat.length && !anchored) {
      return true; // prefix matched; the rest of the path is free
    } else if (starP >= 0) {
      p = starP + 1;
      s = ++starS;
    } else {
      return false;
    }
  }
  while (p < pat.length && pat[p] === "*") p++;
  return p === pat.length;
}

/** Decides one path (path + query of the URL). /robots.txt itself is always allowed. */
export function isAllowed(rules: RobotsRules, pathAndQuery: string): boolean {
  const path = normalisePath(pathAndQuery || "/");
  if (path === "/robots.txt") return true;
  let best: RobotsRule | undefined;
  for (const rule of rules.rules) {
    if (!matchesPattern(rule.pattern, path)) continue;
    if (
      !best ||
      rule.pattern.length > best.pattern.length ||
      (rule.pattern.length === best.pattern.length && rule.allow && !best.allow)
    ) {
      best = rule;
    }
  }
  return best ? best.allow : true;
}

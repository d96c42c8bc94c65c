import { describe, expect, it } from "vitest";
import { FetchError } from "../../../src/collect/fetch/errors.ts";
import { buildPolicy, checkTarget, hostKey } from "../../../src/collect/fetch/target.ts";

const strict = buildPolicy([], [80, 443]);
const withFixture = buildPolicy(["127.0.0.1", "Fixtures.Local"], [80, 443]);

function codeOf(url: string, policy = strict, base?: string): string {
  try {
    checkTarget(url, policy, base ? new URL(base) : undefined);
    return "ok";
  } catch (err) {
    if (err instanceof FetchError) return err.code;
    throw err;
  }
}

describe("checkTarget", () => {
  it.each([
    ["https://reviews.example/page?id=1", "ok"],
    ["http://reviews.example:80/", "ok"],
    ["https://reviews.example:443/", "ok"],
    ["http://8.8.8.8/", "ok"],
    ["http://[2606:4700:4700::1111]/", "ok"],
    // numeric spellings of loopback and metadata
    ["http://2130706433/", "blocked_address"],
    ["http://0x7f.1/", "blocked_address"],
    ["http://017700000001/", "blocked_address"],
    ["http://127.1/", "blocked_address"],
    ["http://0x7f000001/", "blocked_address"],
    ["http://169.254.169.254/latest/meta-data/", "blocked_address"],
    ["http://0xa9fea9fe/", "blocked_address"],
    ["http://[::1]/", "blocked_address"],
    ["http://[::ffff:127.0.0.1]/", "blocked_address"],
    ["http://[::ffff:a9fe:a9fe]/", "blocked_address"],
    ["http://[fd00:ec2::254]/", "blocked_address"],
    ["http://[64:ff9b::10.0.0.1]/", "blocked_address"],
    ["http://0.0.0.0/", "blocked_address"],
    ["http://10.0.0.1/", "blocked_address"],
    ["http://192.168.1.1/", "blocked_address"],
    ["http://100.64.0.1/", "blocked_address"],
    ["http://224.0.0.1/", "blocked_address"],
    ["http://255.255.255.255/", "blocked_address"],
    ["http://metadata.google.internal/computeMetadata/v1/", "blocked_address"],
    ["http://METADATA.GOOGLE.INTERNAL./", "blocked_address"],
    ["http://localhost/", "blocked_address"],
    ["http://admin.localhost/", "blocked_address"],
    // schemes, ports, malformed input
    ["ftp://reviews.example/", "blocked_scheme"],
    ["file:///etc/passwd", "blocked_scheme"],
    ["gopher://reviews.example/", "blocked_scheme"],
    ["data:text/plain,hi", "blocked_scheme"],
    ["http://reviews.example:6379/", "blocked_port"],
    ["https://reviews.example:8443/", "blocked_port"],
    ["http://reviews.example:22/", "blocked_port"],
    ["not a url", "invalid_url"],
    ["http://user:pass@reviews.example/", "invalid_url"],
    ["http://1.2.3.4.5/", "invalid_url"],
  ])("%s -> %s", (url, expected) => {
    expect(codeOf(url)).toBe(expected);
  });

  it("lets allowHosts entries through on any port, by IP literal or by name", () => {
    expect(codeOf("http://127.0.0.1:8080/x", withFixture)).toBe("ok");
    expect(codeOf("http://2130706433:8080/x", withFixture)).toBe("ok");
    expect(codeOf("http://fixtures.local:3000/", withFixture)).toBe("ok");
    expect(codeOf("http://127.0.0.2:8080/", withFixture)).toBe("blocked_port");
    expect(codeOf("http://127.0.0.2/", withFixture)).toBe("blocked_address");
    expect(codeOf("http://[::1]:8080/", withFixture)).toBe("blocked_port");
  });

  it("resolves relative redirect locations against the current URL before checking", () => {
    expect(checkTarget("/next?page=2", strict, new URL("https://reviews.example/a/b")).toString()).toBe(
      "https://reviews.example/next?page=2",
    );
    expect(codeOf("//127.0.0.1/", strict, "https://reviews.example/")).toBe("blocked_address");
    expect(codeOf("http://[::]/", strict, "https://reviews.example/")).toBe("blocked_address");
  });

  it("normalises host keys", () => {
    expect(hostKey("[::FFFF:127.0.0.1]")).toBe("::ffff:7f00:1");
    expect(hostKey("Reviews.Example.")).toBe("reviews.example");
    expect(hostKey("0x7f.1")).toBe("127.0.0.1");
  });
});

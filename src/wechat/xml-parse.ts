/**
 * A parser for the small, flat XML WeChat pushes, and nothing more. Anything
 * an attacker could use against a general XML parser is refused outright:
 * DOCTYPE and ENTITY declarations, comments, processing instructions, named
 * entities other than the five predefined ones, attributes, deep nesting and
 * oversized bodies. Nested elements become dotted keys ("ScanCodeInfo.ScanType").
 */
export const MAX_XML_BYTES = 64 * 1024;
const MAX_DEPTH = 6;
const MAX_FIELDS = 200;
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*/;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export type XmlFields = Record<string, string>;
export type XmlParseResult =
  | { ok: true; root: string; fields: XmlFields }
  | { ok: false; reason: string };

class XmlRefused extends Error {}

class Reader {
  pos = 0;
  readonly fields = new Map<string, string>();
  constructor(readonly text: string) {}

  fail(reason: string): never {
    throw new XmlRefused(reason);
  }

  skipSpace() {
    while (/\s/.test(this.text[this.pos] ?? "")) this.pos++;
  }

  startsWith(s: string) {
    return this.text.startsWith(s, this.pos);
  }

  name(): string {
    const match = NAME.exec(this.text.slice(this.pos, this.pos + 128));
    if (!match) this.fail("element name expected");
    this.pos += match[0].length;
    return match[0];
  }

  expect(s: string) {
    if (!this.startsWith(s)) this.fail(`"${s}" expected`);
    this.pos += s.length;
  }

  decodeText(raw: string): string {
    return raw.replace(/&([^;&\s]{1,10});/g, (_, ref: string) => {
      if (ref in PREDEFINED) return PREDEFINED[ref] ?? "";
      const code = ref.startsWith("#x")
        ? Number.parseInt(ref.slice(2), 16)
        : ref.startsWith("#")
          ? Number(ref.slice(1))
          : Number.NaN;
      if (!Number.isInteger(code) || code < 1 || code > 0x10ffff)
        this.fail("entity reference refused");
      return String.fromCodePoint(code);
    });
  }

  /** Reads `<Name>...</Name>` whose `<` is at pos; records leaves under `prefix`. */
  element(prefix: string, depth: number): string {
    if (depth > MAX_DEPTH) this.fail("nesting too deep");
    this.expect("<");
    const name = this.name();
    this.skipSpace();
    if (this.startsWith("/>")) {
      this.pos += 2;
      this.record(prefix + name, "");
      return name;
    }
    if (!this.startsWith(">")) this.fail("attributes are not accepted");
    this.pos++;
    const text = this.content(`${prefix}${name}.`, depth);
    this.expect(`</${name}`);
    this.skipSpace();
    this.expect(">");
    if (text !== null) this.record(prefix + name, text);
    return name;
  }

  /** The text of a leaf, or null when the element held child elements. */
  content(childPrefix: string, depth: number): string | null {
    let text = "";
    let hasChildren = false;
    for (;;) {
      const lt = this.text.indexOf("<", this.pos);
      if (lt < 0) this.fail("unterminated element");
      if (this.text.slice(this.pos, lt).includes("&"))
        text += this.decodeText(this.text.slice(this.pos, lt));
      else text += this.text.slice(this.pos, lt);
      this.pos = lt;
      if (this.startsWith("</")) return hasChildren ? null : text;
      if (this.startsWith("<![CDATA[")) {
        const end = this.text.indexOf("]]>", this.pos + 9);
        if (end < 0) this.fail("unterminated CDATA");
        text += this.text.slice(this.pos + 9, end);
        this.pos = end + 3;
      } else if (this.startsWith("<!") || this.startsWith("<?")) {
        this.fail("declarations, comments and processing instructions are refused");
      } else {
        this.element(childPrefix, depth + 1);
        hasChildren = true;
      }
    }
  }

  record(key: string, value: string) {
    if (this.fields.size >= MAX_FIELDS) this.fail("too many fields");
    if (!this.fields.has(key)) this.fields.set(key, value);
  }
}

export function parseWechatXml(xml: string): XmlParseResult {
  if (xml.length > MAX_XML_BYTES) return { ok: false, reason: "body too large" };
  // Refused before parsing, so no branch of the reader ever sees a declaration.
  if (/<!(?!\[CDATA\[)|<\?/.test(xml)) {
    return { ok: false, reason: "declarations, comments and processing instructions are refused" };
  }
  const reader = new Reader(xml);
  try {
    reader.skipSpace();
    const root = reader.element("", 0);
    reader.skipSpace();
    if (reader.pos !== xml.length) reader.fail("content after the root element");
    const fields: XmlFields = Object.fromEntries(
      [...reader.fields].filter(([k]) => k !== root).map(([k, v]) => [k.slice(root.length + 1), v]),
    );
    return { ok: true, root, fields };
  } catch (err) {
    if (err instanceof XmlRefused) return { ok: false, reason: err.message };
    throw err;
  }
}

/**
 * Real readers for the export formats, so the tests check what a program opening the file gets,
 * not strings in our own output: jszip + an XML parser for .docx/.pptx, markdown-it (CommonMark)
 * for Markdown, papaparse for CSV, parse5 (the HTML standard's parser) for HTML.
 */
import { DOMParser } from '@xmldom/xmldom';
import { deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import Papa from 'papaparse';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

// xmldom's nodes are typed with the DOM's interfaces.
type XmlNode = Node;
type XmlElement = Element;

/** An XML part, parsed; any well-formedness error fails the test. */
function parseXml(part: string, xml: string): XmlNode {
  const fail = (message: unknown): never => {
    throw new Error(`${part} is not well-formed XML: ${String(message)}`);
  };
  return new DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } }).parseFromString(xml, 'application/xml');
}

function descendants(node: XmlNode, name: string, into: XmlElement[] = []): XmlElement[] {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) {
      const element = child as XmlElement;
      if (element.tagName === name) into.push(element);
      descendants(element, name, into);
    }
  }
  return into;
}

/** A paragraph's text: its text runs in order, line breaks as '\n'. */
function paragraphText(paragraph: XmlElement, prefix: 'w' | 'a'): string {
  let text = '';
  const walk = (node: XmlNode): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const element = child as XmlElement;
      if (element.tagName === `${prefix}:t`) text += element.textContent ?? '';
      else if (element.tagName === `${prefix}:br`) text += '\n';
      else if (element.tagName === `${prefix}:tab`) text += '\t';
      else walk(element);
    }
  };
  walk(paragraph);
  return text;
}

export interface OfficePart {
  readonly name: string;
  readonly paragraphs: readonly string[];
}

/** The paragraphs of the parts of an Office file whose names match, in file order (slide2 before slide10). */
export async function officeParts(bytes: Uint8Array, names: RegExp): Promise<OfficePart[]> {
  const zip = await JSZip.loadAsync(bytes);
  const prefix = Object.keys(zip.files).some((name) => name.startsWith('word/')) ? 'w' : 'a';
  const matching = Object.keys(zip.files)
    .filter((name) => names.test(name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const parts: OfficePart[] = [];
  for (const name of matching) {
    const xml = await zip.file(name)?.async('string');
    if (xml === undefined) continue;
    const document = parseXml(name, xml);
    parts.push({ name, paragraphs: descendants(document, `${prefix}:p`).map((p) => paragraphText(p, prefix)) });
  }
  return parts;
}

/** Every part of an Office file parsed as XML (each must be well-formed); returns the part names. */
export async function checkOfficeXml(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name));
  for (const name of names) parseXml(name, (await zip.file(name)?.async('string')) ?? '');
  return names;
}

export interface MarkdownBlock {
  /** 'h1'…'h6', 'p', 'li' (a paragraph inside a list item), 'blockquote' (a paragraph inside one) */
  readonly kind: string;
  /** The text a reader sees: hard breaks as '\n', soft breaks as ' ', emphasis markers gone. */
  readonly text: string;
}

/** Markdown as CommonMark parses it: headings and paragraphs with their text, and every token type seen. */
export function readMarkdown(markdown: string): { blocks: MarkdownBlock[]; tokenTypes: Set<string> } {
  const tokens = new MarkdownIt('commonmark').parse(markdown, {});
  const blocks: MarkdownBlock[] = [];
  const tokenTypes = new Set<string>();
  const open: string[] = [];
  for (const token of tokens) {
    tokenTypes.add(token.type);
    if (token.type.endsWith('_open')) open.push(token.tag);
    if (token.type.endsWith('_close')) open.pop();
    if (token.type !== 'inline') continue;
    let text = '';
    for (const child of token.children ?? []) {
      tokenTypes.add(child.type);
      if (child.type === 'text' || child.type === 'code_inline') text += child.content;
      else if (child.type === 'hardbreak') text += '\n';
      else if (child.type === 'softbreak') text += ' ';
    }
    const parent = open[open.length - 1] ?? '';
    const kind = /^h[1-6]$/.test(parent) ? parent : open.includes('blockquote') ? 'blockquote' : open.includes('li') ? 'li' : 'p';
    blocks.push({ kind, text });
  }
  return { blocks, tokenTypes };
}

/** CSV as a spreadsheet reads it: the byte order mark checked and removed, rows of cells. */
export function readCsv(bytes: Uint8Array, delimiter: ',' | ';'): string[][] {
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error('The CSV does not start with a UTF-8 byte order mark');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`CSV errors: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return parsed.data;
}

type HtmlNode = DefaultTreeAdapterMap['node'];
type HtmlElement = DefaultTreeAdapterMap['element'];

export interface HtmlDocument {
  readonly elements: readonly HtmlElement[];
  textOf(element: HtmlElement): string;
}

/** HTML as a browser's parser builds it: every element, and the text content of any of them. */
export function readHtml(html: string): HtmlDocument {
  const document = parse(html);
  const elements: HtmlElement[] = [];
  const walk = (node: HtmlNode): void => {
    if ('tagName' in node) elements.push(node);
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
    if ('content' in node && node.content) walk(node.content);
  };
  walk(document);
  const textOf = (node: HtmlNode): string => {
    if (node.nodeName === '#text' && 'value' in node) return node.value;
    return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
  };
  return { elements, textOf };
}

/**
 * What makes PowerPoint offer to "repair" a package although LibreOffice opens it (pptxgenjs
 * issues #1443, #1444, #1449): content-type overrides naming parts the package lacks, empty
 * `<a:ln>` elements, and (for an outline and the accessibility checker) slides without a title
 * placeholder. Returns one line per problem found; [] is a clean package.
 */
export async function repairTriggers(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = new Set(Object.keys(zip.files));
  const problems: string[] = [];
  const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  for (const match of types.matchAll(/<Override\s+PartName="\/([^"]+)"/g)) {
    if (!names.has(match[1] ?? '')) problems.push(`override without its part: ${match[1]}`);
  }
  for (const name of names) {
    if (!name.endsWith('.xml')) continue;
    const xml = (await zip.file(name)?.async('string')) ?? '';
    if (/<a:ln(?:\s[^>]*)?(?:\/>|>\s*<\/a:ln>)/.test(xml)) problems.push(`empty <a:ln> in ${name}`);
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name) && !/<p:ph\b[^>]*\btype="(?:title|ctrTitle)"/.test(xml))
      problems.push(`no title placeholder on ${name}`);
  }
  return problems.sort();
}

/** A PNG of one colour, `width` × `height`: a stand-in for the board picture the printer makes. */
export function solidPng(width: number, height: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0xcc)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

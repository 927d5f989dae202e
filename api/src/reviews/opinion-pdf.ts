// 《重大行政执法决定法制审核意见书》 as a PDF (DOMAIN.md §6): header (agency, title, number), the case
// and its parties, the draft decision, the conclusion on each review point, the overall opinion, the
// reviewer and the date. Laid out like a Chinese official document (centred title, number line on the
// right, numbered section headings, Arabic-numeral dates as GB/T 9704 asks, "第 N 页 共 M 页").
// The renderer prints what it is given: personal data must be masked by the caller.
import { existsSync } from 'node:fs';
import fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { config } from '../config';

export interface OpinionPdfData {
  agencyName: string;            // e.g. 青山县市场监督管理局
  opinionNumber: string;         // e.g. 青市监法审〔2026〕3号
  version: number;               // n-th opinion of the review (a return for supplement, then the final one …)
  supersedes?: string | null;    // opinion number this one corrects
  caseNumber: string; caseCause: string; caseCategoryLabel: string;
  parties: Array<{ name: string; idLabel: string; idValue: string }>; // values ALREADY masked by caller
  handlingOfficers: Array<{ name: string; certificateNumber: string }>;
  submittedOn: string; receivedOn: string; dueOn: string;           // YYYY-MM-DD
  draftDecisionSummary: string;  // summary of the draft decision
  facts: string; legalBasis: string; discretionReasoning: string;
  checklist: Array<{ label: string; conclusion: 'ok' | 'problem' | 'not_applicable'; note?: string | null }>;
  outcomeLabel: string;          // 同意 / 变更 / 纠正 / 退回补充 / 移送 / 不予下发
  opinionText: string;
  reviewerName: string; issuedOn: string;
}

// ---------------------------------------------------------------------------------------------------
// Fonts. Chinese needs a CJK font embedded in the PDF (pdfkit embeds only the glyphs used). In order:
// PDF_FONT_PATH; Debian's Noto Serif CJK, then Noto Sans CJK (package fonts-noto-cjk); the Noto Serif SC
// font of the npm package @expo-google-fonts/noto-serif-sc, which `npm install` always brings, so a
// fresh machine renders Chinese without any system package. Serif (宋体 style) suits official documents,
// and the Debian and npm fonts are the same typeface, so the document looks alike wherever it is made.

export interface PdfFontFace {
  /** Font file. */
  path: string;
  /** PostScript name of the face inside a collection (.ttc/.otc); undefined for a single font. */
  face?: string;
}

export interface OpinionFonts {
  regular: PdfFontFace;
  bold: PdfFontFace;
  source: 'PDF_FONT_PATH' | 'fonts-noto-cjk' | '@expo-google-fonts/noto-serif-sc';
}

const DEBIAN_NOTO = '/usr/share/fonts/opentype/noto';
const DEBIAN_CANDIDATES: Array<{ regular: PdfFontFace; bold: PdfFontFace }> = [
  {
    regular: { path: `${DEBIAN_NOTO}/NotoSerifCJK-Regular.ttc`, face: 'NotoSerifCJKsc-Regular' },
    bold: { path: `${DEBIAN_NOTO}/NotoSerifCJK-Bold.ttc`, face: 'NotoSerifCJKsc-Bold' },
  },
  {
    regular: { path: `${DEBIAN_NOTO}/NotoSansCJK-Regular.ttc`, face: 'NotoSansCJKsc-Regular' },
    bold: { path: `${DEBIAN_NOTO}/NotoSansCJK-Bold.ttc`, face: 'NotoSansCJKsc-Bold' },
  },
];

const PACKAGE = '@expo-google-fonts/noto-serif-sc';

/** A glyph every opinion needs: a font without it would print empty boxes (tofu). */
const PROBE = '审'.codePointAt(0)!;

/** The face of a font file to use: in a collection the Simplified Chinese one (…sc-…, …SC-…), else the first. */
function chooseFace(path: string): PdfFontFace {
  let opened: ReturnType<typeof fontkit.openSync>;
  try {
    opened = fontkit.openSync(path);
  } catch (err) {
    throw new Error(`PDF_FONT_PATH: ${path} is not a readable font (${(err as Error).message})`);
  }
  if (!('fonts' in opened)) {
    if (!opened.hasGlyphForCodePoint(PROBE)) throw new Error(`PDF_FONT_PATH: the font ${path} has no Chinese glyphs`);
    return { path };
  }
  const faces = opened.fonts.filter((f) => f.hasGlyphForCodePoint(PROBE));
  const face = faces.find((f) => /(CJKsc|SC)[-_]|SC$/.test(f.postscriptName)) ?? faces[0];
  if (!face) throw new Error(`PDF_FONT_PATH: no font in the collection ${path} has Chinese glyphs`);
  return { path, face: face.postscriptName };
}

/** Which font files a PDF is rendered with (exported so that the order can be tested). */
export function resolveOpinionFonts(pdfFontPath: string | undefined, exists: (path: string) => boolean = existsSync): OpinionFonts {
  if (pdfFontPath) {
    // One file given: headings use it too (no bold face can be assumed).
    const face = chooseFace(pdfFontPath);
    return { regular: face, bold: face, source: 'PDF_FONT_PATH' };
  }
  for (const candidate of DEBIAN_CANDIDATES) {
    if (exists(candidate.regular.path)) {
      return { regular: candidate.regular, bold: exists(candidate.bold.path) ? candidate.bold : candidate.regular, source: 'fonts-noto-cjk' };
    }
  }
  return {
    regular: { path: require.resolve(`${PACKAGE}/400Regular/NotoSerifSC_400Regular.ttf`) },
    bold: { path: require.resolve(`${PACKAGE}/700Bold/NotoSerifSC_700Bold.ttf`) },
    source: PACKAGE,
  };
}

let fonts: OpinionFonts | undefined;
const opinionFonts = () => (fonts ??= resolveOpinionFonts(config().pdfFontPath));

// ---------------------------------------------------------------------------------------------------
// Layout. A4 with the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).

const MM = 72 / 25.4;
const MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const SIZE = { agency: 18, title: 20, number: 13, heading: 14, body: 12, table: 10.5, footer: 10 };
const LINE_GAP = { body: 6, table: 3 };
const CELL_PADDING = 4;
const SIGNATURE_GAP = 18;
const RED = '#c00000';
const BORDER = '#555555';

const CONCLUSION: Record<OpinionPdfData['checklist'][number]['conclusion'], string> = {
  ok: '无问题',
  problem: '有问题',
  not_applicable: '不适用',
};

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 2026-03-05 → 2026年3月5日 (GB/T 9704: dates in Arabic numerals, no leading zeros). */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : isoDate;
}

const paragraphs = (text: string) => text.replace(/\r\n?/g, '\n').split(/\n+/).map((p) => p.trim()).filter(Boolean);

type Doc = PDFKit.PDFDocument;

class OpinionLayout {
  private sectionNo = 0;

  constructor(private readonly doc: Doc) {}

  private get width() {
    return this.doc.page.width - MARGINS.left - MARGINS.right;
  }

  private get bottom() {
    return this.doc.page.height - MARGINS.bottom;
  }

  private ensureSpace(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private bodyFont(size = SIZE.body) {
    return this.doc.font('regular').fontSize(size).fillColor('black');
  }

  private boldFont(size = SIZE.body) {
    return this.doc.font('bold').fontSize(size).fillColor('black');
  }

  header(data: OpinionPdfData) {
    const { doc } = this;
    this.boldFont(SIZE.agency).text(data.agencyName, MARGINS.left, MARGINS.top, { width: this.width, align: 'center' });
    doc.moveDown(0.3);
    this.boldFont(SIZE.title).text('重大行政执法决定法制审核意见书', { width: this.width, align: 'center', characterSpacing: 1 });
    // A correction (it supersedes an issued opinion) says so; a later round's opinion is not a correction.
    if (data.supersedes) {
      doc.moveDown(0.2);
      this.bodyFont(SIZE.heading).text(`（更正版 · 第 ${data.version} 版）`, { width: this.width, align: 'center' });
    }
    doc.moveDown(0.8);
    this.bodyFont(SIZE.number).text(data.opinionNumber, { width: this.width, align: 'right' });
    doc.moveDown(0.3);
    const y = doc.y;
    doc.save().moveTo(MARGINS.left, y).lineTo(MARGINS.left + this.width, y).lineWidth(1.2).strokeColor(RED).stroke().restore();
    doc.y = y + 8;
    if (data.supersedes) {
      this.bodyFont(SIZE.body - 1).text(`本意见书更正原意见书（${data.supersedes}），以本意见书为准。`, MARGINS.left, doc.y, { width: this.width });
      doc.moveDown(0.5);
    }
  }

  /** "一、…" heading, kept together with at least two lines of what follows. */
  heading(title: string) {
    const { doc } = this;
    doc.moveDown(0.6);
    this.ensureSpace(SIZE.heading * 1.6 + (SIZE.body + LINE_GAP.body) * 2);
    this.boldFont(SIZE.heading).text(`${CHINESE_NUMERALS[this.sectionNo++]}、${title}`, MARGINS.left, doc.y, { width: this.width });
    doc.moveDown(0.3);
  }

  subheading(title: string) {
    this.ensureSpace((SIZE.body + LINE_GAP.body) * 3);
    this.boldFont().text(title, MARGINS.left, this.doc.y, { width: this.width, lineGap: LINE_GAP.body });
  }

  /**
   * Paragraphs with the two-character first-line indent of Chinese prose. `keepWithLast`: height of what
   * must stay on the page of the last paragraph (the signature never stands alone on a page).
   */
  prose(text: string, keepWithLast = 0) {
    const { doc } = this;
    const list = paragraphs(text);
    const options = { width: this.width, indent: SIZE.body * 2, lineGap: LINE_GAP.body, align: 'justify' as const };
    (list.length ? list : ['（无）']).forEach((p, i, all) => {
      this.bodyFont();
      const last = i === all.length - 1;
      const whole = last ? doc.heightOfString(p, options) + keepWithLast : 0;
      this.ensureSpace(last && whole <= this.bottom - MARGINS.top ? whole : SIZE.body + LINE_GAP.body);
      doc.text(p, MARGINS.left, doc.y, options);
    });
  }

  /** "label：value" lines with the values aligned; a value wraps under itself. */
  fields(rows: Array<[string, string]>) {
    const { doc } = this;
    this.boldFont();
    const labelWidth = Math.max(...rows.map(([label]) => doc.widthOfString(`${label}：`))) + 2;
    const valueWidth = this.width - labelWidth;
    for (const [label, value] of rows) {
      this.bodyFont();
      const height = doc.heightOfString(value || '—', { width: valueWidth, lineGap: LINE_GAP.body });
      this.ensureSpace(Math.min(height, SIZE.body * 3));
      const y = doc.y;
      this.boldFont().text(`${label}：`, MARGINS.left, y, { width: labelWidth, lineGap: LINE_GAP.body });
      this.bodyFont().text(value || '—', MARGINS.left + labelWidth, y, { width: valueWidth, lineGap: LINE_GAP.body });
      doc.x = MARGINS.left;
    }
  }

  /** The review points as a bordered table; a row too long for the rest of the page goes on to the next. */
  checklist(items: OpinionPdfData['checklist']) {
    const { doc } = this;
    if (!items.length) {
      this.prose('（无审核事项）');
      return;
    }
    const widths = [0.08, 0.34, 0.13, 0.45].map((f) => f * this.width);
    const header = ['序号', '审核事项', '结论', '说明'];
    const textWidth = (i: number) => widths[i] - 2 * CELL_PADDING;
    const lineHeight = SIZE.table + LINE_GAP.table;

    const drawCells = (cells: string[], isHeader: boolean) => {
      const height = Math.max(...cells.map((c, i) => this.cellHeight(c, textWidth(i), isHeader)), lineHeight) + 2 * CELL_PADDING;
      const top = doc.y;
      if (isHeader) doc.save().rect(MARGINS.left, top, this.width, height).fill('#eeeeee').restore();
      let x = MARGINS.left;
      cells.forEach((text, i) => {
        (isHeader ? this.boldFont(SIZE.table) : this.bodyFont(SIZE.table)).text(text, x + CELL_PADDING, top + CELL_PADDING, {
          width: textWidth(i),
          lineGap: LINE_GAP.table,
          align: isHeader || i === 0 || i === 2 ? 'center' : 'left',
        });
        doc.save().rect(x, top, widths[i], height).lineWidth(0.6).strokeColor(BORDER).stroke().restore();
        x += widths[i];
      });
      doc.x = MARGINS.left;
      doc.y = top + height;
    };
    const newPage = () => {
      doc.addPage();
      drawCells(header, true);
    };

    this.ensureSpace(lineHeight * 4 + 4 * CELL_PADDING);
    drawCells(header, true);
    for (const [i, item] of items.entries()) {
      let cells = [String(i + 1), item.label, CONCLUSION[item.conclusion], item.note?.trim() || '—'];
      for (;;) {
        const available = this.bottom - doc.y - 2 * CELL_PADDING;
        const needed = Math.max(...cells.map((c, k) => this.cellHeight(c, textWidth(k), false)));
        if (needed <= available) {
          drawCells(cells, false);
          break;
        }
        // Too little room to start the row here: start it on the next page.
        if (available < Math.min(needed, lineHeight * 3)) {
          newPage();
          continue;
        }
        this.bodyFont(SIZE.table);
        const parts = cells.map((c, k) => splitToFit(doc, c, textWidth(k), available, LINE_GAP.table));
        drawCells(parts.map(([head]) => head), false);
        const rest = parts.map(([, r]) => r);
        if (rest.every((c) => c === '')) break;
        newPage();
        cells = ['', rest[1] || `${item.label}（续）`, rest[2], rest[3]];
      }
    }
    doc.moveDown(0.3);
  }

  private cellHeight(text: string, width: number, bold: boolean) {
    if (bold) this.boldFont(SIZE.table);
    else this.bodyFont(SIZE.table);
    return text ? this.doc.heightOfString(text, { width, lineGap: LINE_GAP.table }) : 0;
  }

  outcome(label: string) {
    const { doc } = this;
    this.ensureSpace((SIZE.body + LINE_GAP.body) * 2);
    const y = doc.y;
    this.boldFont().text('审核结论：', MARGINS.left, y, { continued: true, lineGap: LINE_GAP.body }).fillColor(RED).text(label, { lineGap: LINE_GAP.body });
    doc.fillColor('black');
    doc.moveDown(0.2);
  }

  signatureLines(reviewerName: string, issuedOn: string) {
    return [`法制审核人员：${reviewerName}`, `审核日期：${chineseDate(issuedOn)}`];
  }

  signatureHeight(lines: string[]) {
    return SIGNATURE_GAP + lines.length * (SIZE.body + LINE_GAP.body);
  }

  /** Reviewer and date at the bottom right, the lines aligned on their left edge. */
  signature(lines: string[]) {
    const { doc } = this;
    this.bodyFont();
    this.ensureSpace(this.signatureHeight(lines));
    doc.y += SIGNATURE_GAP;
    const blockWidth = Math.max(...lines.map((l) => doc.widthOfString(l))) + SIZE.body * 2;
    for (const line of lines) this.bodyFont().text(line, MARGINS.left + this.width - blockWidth, doc.y, { width: blockWidth, lineGap: LINE_GAP.body });
  }

  /** "第 N 页 共 M 页" on every page, once the number of pages is known. */
  pageNumbers() {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing inside the bottom margin must not start a new page.
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      this.bodyFont(SIZE.footer).text(`第 ${i + 1} 页 共 ${range.count} 页`, MARGINS.left, doc.page.height - MARGINS.bottom + 28, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
      doc.page.margins.bottom = bottomMargin;
    }
  }
}

/**
 * Splits `text` into what fits in `maxHeight` at `width` and the rest, at a character boundary
 * (Chinese text breaks between any two characters), preferring the end of a line.
 */
function splitToFit(doc: Doc, text: string, width: number, maxHeight: number, lineGap: number): [string, string] {
  const chars = [...text];
  const fits = (n: number) => doc.heightOfString(chars.slice(0, n).join(''), { width, lineGap }) <= maxHeight;
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return [chars.slice(0, lo).join('').trimEnd(), chars.slice(lo).join('').trimStart()];
}

/** Noon in China on the day of issue: a fixed CreationDate, so the same opinion renders to the same bytes. */
const issueInstant = (issuedOn: string) => {
  const at = new Date(`${issuedOn}T12:00:00+08:00`);
  return Number.isNaN(at.getTime()) ? new Date(0) : at;
};

/** The opinion as a PDF. `fontFiles` defaults to the fonts of this machine (resolveOpinionFonts). */
export async function renderOpinionPdf(data: OpinionPdfData, fontFiles: OpinionFonts = opinionFonts()): Promise<Buffer> {
  const created = issueInstant(data.issuedOn);
  const title = `重大行政执法决定法制审核意见书 ${data.opinionNumber}${data.supersedes ? '（更正版）' : ''}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: title,
      Author: data.agencyName,
      Subject: `${data.caseNumber} ${data.caseCause}`,
      Keywords: `法制审核意见书 ${data.opinionNumber} ${data.caseNumber}`,
      Creator: '行政执法三项制度管理平台',
      Producer: '行政执法三项制度管理平台 (pdfkit)',
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fontFiles.regular.path, fontFiles.regular.face as string);
  doc.registerFont('bold', fontFiles.bold.path, fontFiles.bold.face as string);

  const layout = new OpinionLayout(doc);
  layout.header(data);

  layout.heading('案件基本情况');
  layout.fields([
    ['案号', data.caseNumber],
    ['案由', data.caseCause],
    ['案件类别', data.caseCategoryLabel],
    ['当事人', data.parties.map((p) => `${p.name}（${p.idLabel}：${p.idValue}）`).join('\n')],
    ['承办人员', data.handlingOfficers.map((o) => `${o.name}（执法证号：${o.certificateNumber}）`).join('\n')],
    ['提请审核日期', chineseDate(data.submittedOn)],
    ['材料齐全日期', chineseDate(data.receivedOn)],
    ['审核期限', `${chineseDate(data.dueOn)}前`],
  ]);

  layout.heading('拟作出的决定');
  layout.prose(data.draftDecisionSummary);
  layout.subheading('（一）违法事实');
  layout.prose(data.facts);
  layout.subheading('（二）法律依据');
  layout.prose(data.legalBasis);
  layout.subheading('（三）裁量理由');
  layout.prose(data.discretionReasoning);

  layout.heading('审核事项');
  layout.checklist(data.checklist);

  layout.heading('审核意见');
  layout.outcome(data.outcomeLabel);
  const signature = layout.signatureLines(data.reviewerName, data.issuedOn);
  layout.prose(data.opinionText, layout.signatureHeight(signature));
  layout.signature(signature);

  layout.pageNumbers();
  doc.end();
  return finished;
}

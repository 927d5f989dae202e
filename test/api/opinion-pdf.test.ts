// The legal review opinion (《重大行政执法决定法制审核意见书》) as a PDF: a valid document whose text,
// read back by a PDF parser, holds the header, the case, the per-point conclusions and the opinion; page
// numbers on every page; corrected versions marked; masked personal data printed as given; fonts found in
// the documented order, including on a machine without any system CJK font.
import { existsSync } from 'node:fs';
import fontkit from 'fontkit';
import { loadConfig } from '../../api/src/config';
import { parsePdf, type ParsedPdf } from '../support/pdf';
import { chineseDate, renderOpinionPdf, resolveOpinionFonts, type OpinionPdfData } from '../../api/src/reviews/opinion-pdf';

/** Text without the line breaks the layout put in (a long value wraps anywhere in Chinese). */
const flat = (text: string) => text.replace(/\s+/g, '');

const opinion = (over: Partial<OpinionPdfData> = {}): OpinionPdfData => ({
  agencyName: '青山县市场监督管理局',
  opinionNumber: '青市监法审〔2026〕3号',
  version: 1,
  supersedes: null,
  caseNumber: '青市监罚〔2026〕12号',
  caseCause: '销售不符合食品安全标准的食品案',
  caseCategoryLabel: '行政处罚',
  parties: [
    { name: '青山县好味道食品有限公司', idLabel: '统一社会信用代码', idValue: '9133****0000****1X' },
    { name: '张某某', idLabel: '居民身份证号码', idValue: '3301**********1234' },
  ],
  handlingOfficers: [
    { name: '李明', certificateNumber: '33010020260001' },
    { name: '王芳', certificateNumber: '33010020260002' },
  ],
  submittedOn: '2026-03-02',
  receivedOn: '2026-03-03',
  dueOn: '2026-03-10',
  draftDecisionSummary: '拟对当事人作出没收违法所得人民币3,200元、罚款人民币50,000元的行政处罚。',
  facts: '2026年1月15日，执法人员对当事人经营场所进行现场检查，发现其销售的腊肉亚硝酸盐残留量不符合食品安全国家标准。',
  legalBasis: '《中华人民共和国食品安全法》第三十四条第（二）项、第一百二十四条第一款第（一）项。',
  discretionReasoning: '当事人系初次违法，积极配合调查，依据裁量基准从轻处罚。',
  checklist: [
    { label: '执法主体是否合法，执法人员是否具备执法资格', conclusion: 'ok' },
    { label: '案件事实是否清楚，证据是否合法充分', conclusion: 'problem', note: '缺少抽样检验报告的送达回证' },
    { label: '违法行为是否涉嫌犯罪、需要移送司法机关', conclusion: 'not_applicable', note: null },
  ],
  outcomeLabel: '退回补充',
  opinionText: '经审核，本案证据尚不充分，建议补充材料后重新提请法制审核。',
  reviewerName: '赵法审',
  issuedOn: '2026-03-05',
  ...over,
});

describe('renderOpinionPdf', () => {
  let pdf: Buffer;
  let parsed: ParsedPdf;
  beforeAll(async () => {
    pdf = await renderOpinionPdf(opinion());
    parsed = await parsePdf(pdf);
  });

  test('when an opinion is rendered, then the result is a PDF that a parser reads', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    expect(parsed.pages.length).toBeGreaterThanOrEqual(1);
  });

  test('the text holds the agency, the title, the opinion number, the case and the outcome', () => {
    const text = flat(parsed.pages.join('\n'));
    for (const expected of ['青山县市场监督管理局', '重大行政执法决定法制审核意见书', '青市监法审〔2026〕3号', '青市监罚〔2026〕12号', '销售不符合食品安全标准的食品案', '审核结论：退回补充', '法制审核人员：赵法审', '审核日期：2026年3月5日']) {
      expect(text).toContain(expected);
    }
    // Headings in the order of the document.
    const order = ['一、案件基本情况', '二、拟作出的决定', '三、审核事项', '四、审核意见'].map((h) => text.indexOf(h));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('each review point shows its conclusion in words and its note', () => {
    const text = flat(parsed.pages.join('\n'));
    expect(text).toContain('缺少抽样检验报告的送达回证');
    expect(text).toMatch(/案件事实是否清楚，证据是否合法充分有问题缺少抽样检验报告的送达回证/);
    expect(text).toMatch(/执法人员是否具备执法资格无问题/);
    expect(text).toMatch(/移送司法机关不适用—/);
  });

  test('personal data is printed exactly as the caller masked it', () => {
    const text = flat(parsed.pages.join('\n'));
    expect(text).toContain('张某某（居民身份证号码：3301**********1234）');
    expect(text).toContain('9133****0000****1X');
  });

  test('the document information names the opinion, the agency, and the day of issue', () => {
    expect(parsed.info.Title).toBe('重大行政执法决定法制审核意见书 青市监法审〔2026〕3号');
    expect(parsed.info.Author).toBe('青山县市场监督管理局');
    expect(parsed.info.Language).toBe('zh-CN');
    // Noon in China on 2026-03-05.
    expect(parsed.info.CreationDate).toBe('D:20260305040000Z');
  });

  test('the same opinion renders to the same bytes (a stored copy can be checked by its hash)', async () => {
    expect((await renderOpinionPdf(opinion())).equals(pdf)).toBe(true);
  });

  test('every page is numbered "第 N 页 共 M 页"', () => {
    parsed.pages.forEach((page, i) => expect(page).toContain(`第 ${i + 1} 页 共 ${parsed.pages.length} 页`));
  });

  test('when the opinion text and a note are long, then they wrap and continue over several pages, nothing lost', async () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `第${i + 1}段意见：承办机构应当围绕违法事实的认定补充调取相关证据材料，并对当事人的陈述申辩意见逐项作出回应。`);
    const longNote = `${'询问笔录与现场检查笔录记载的时间不一致，'.repeat(60)}说明到此为止`;
    const long = await renderOpinionPdf(opinion({
      opinionText: paragraphs.join('\n'),
      checklist: [{ label: '行政执法文书是否完备、规范', conclusion: 'problem', note: longNote }],
    }));
    const result = await parsePdf(long);
    expect(result.pages.length).toBeGreaterThanOrEqual(3);
    // A paragraph that runs over a page break is read with the page number in its middle.
    const text = flat(result.pages.join('\n')).replace(/第\d+页共\d+页/g, '');
    for (const p of paragraphs) expect(text).toContain(flat(p));
    expect(text).toContain('说明到此为止');
    // A line never runs past the right margin: the longest line of a page is short, whatever the paragraph.
    const longestLine = Math.max(...result.pages.flatMap((p) => p.split('\n')).map((line) => line.length));
    expect(longestLine).toBeLessThan(60);
    result.pages.forEach((page, i) => expect(page).toContain(`第 ${i + 1} 页 共 ${result.pages.length} 页`));
    // The signature comes last, after the last paragraph.
    expect(text.indexOf('法制审核人员：赵法审')).toBeGreaterThan(text.indexOf('第40段意见'));
  });

  test('when a corrected opinion is rendered, then it is marked as such and names the opinion it corrects', async () => {
    const result = await parsePdf(await renderOpinionPdf(opinion({ version: 2, opinionNumber: '青市监法审〔2026〕4号', supersedes: '青市监法审〔2026〕3号' })));
    const text = flat(result.pages.join('\n'));
    expect(text).toContain('更正版·第2版');
    expect(text).toContain('本意见书更正原意见书（青市监法审〔2026〕3号）');
    expect(result.info.Title).toBe('重大行政执法决定法制审核意见书 青市监法审〔2026〕4号（更正版）');
  });

  test('a first issue is not marked as corrected', () => {
    expect(flat(parsed.pages.join(''))).not.toContain('更正');
  });

  test('the opinion of a later round (after a return for supplement) is not a correction either', async () => {
    const result = await parsePdf(await renderOpinionPdf(opinion({ version: 2, opinionNumber: '青市监法审〔2026〕5号', supersedes: null })));
    expect(flat(result.pages.join(''))).not.toContain('更正');
    expect(result.info.Title).toBe('重大行政执法决定法制审核意见书 青市监法审〔2026〕5号');
  });
});

describe('fonts for PDFs', () => {
  const packageFont = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');

  test('when PDF_FONT_PATH is set, then that font is used for all text', () => {
    const fonts = resolveOpinionFonts(packageFont, () => true);
    expect(fonts).toEqual({ regular: { path: packageFont }, bold: { path: packageFont }, source: 'PDF_FONT_PATH' });
  });

  test('when Debian’s Noto CJK is installed, then its Simplified Chinese serif faces are used', () => {
    const fonts = resolveOpinionFonts(undefined, (path) => path.includes('NotoSerifCJK'));
    expect(fonts.source).toBe('fonts-noto-cjk');
    expect(fonts.regular).toEqual({ path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' });
    expect(fonts.bold).toEqual({ path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc', face: 'NotoSerifCJKsc-Bold' });
  });

  test('when only Debian’s sans faces are installed, then they are used', () => {
    const fonts = resolveOpinionFonts(undefined, (path) => path.includes('NotoSansCJK-Regular'));
    expect(fonts.regular.face).toBe('NotoSansCJKsc-Regular');
    expect(fonts.bold).toEqual(fonts.regular);
  });

  test('on a machine without system fonts, the font that npm install brought renders the Chinese text', async () => {
    const fonts = resolveOpinionFonts(undefined, () => false);
    expect(fonts.source).toBe('@expo-google-fonts/noto-serif-sc');
    expect(existsSync(fonts.regular.path) && existsSync(fonts.bold.path)).toBe(true);
    const data = opinion();
    const pdf = await renderOpinionPdf(data, fonts);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/);
    const text = flat((await parsePdf(pdf)).pages.join('\n'));
    expect(text).toContain('青市监法审〔2026〕3号');
    expect(text).toContain('缺少抽样检验报告的送达回证');
    // No tofu: the font has a glyph for every character the opinion prints.
    const font = fontkit.openSync(fonts.regular.path) as fontkit.Font;
    const printed = new Set([...flat(JSON.stringify(data) + chineseDate(data.issuedOn) + '一二三四、审核事项结论无问题有问题不适用说明第页共')].filter((c) => /[^\x00-\x7f]/.test(c)));
    expect([...printed].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!))).toEqual([]);
  });

  test('when PDF_FONT_PATH names a missing file or not a font, then start-up fails naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', PDF_FONT_PATH: '/nowhere/NotoSerifSC.ttf' })).toThrow(/PDF_FONT_PATH.*does not exist/);
    expect(() => loadConfig({ NODE_ENV: 'test', PDF_FONT_PATH: __filename })).toThrow(/PDF_FONT_PATH must name a \.ttf/);
    expect(loadConfig({ NODE_ENV: 'test', PDF_FONT_PATH: packageFont }).pdfFontPath).toBe(packageFont);
    expect(loadConfig({ NODE_ENV: 'test' }).pdfFontPath).toBeUndefined();
  });

  test('chineseDate writes dates the way official documents do', () => {
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
    expect(chineseDate('2026-12-31')).toBe('2026年12月31日');
  });
});

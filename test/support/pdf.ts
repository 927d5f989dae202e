// Reads a PDF back as text with pdf-parse (pdf.js). pdf.js loads its worker with a dynamic import, which
// jest's CommonJS sandbox refuses, so the parser runs in a plain Node process of its own, reading stdin.
import { execFile } from 'node:child_process';
import { projectRoot } from '../../api/src/config';

export interface ParsedPdf {
  pages: string[];
  info: Record<string, unknown>;
}

const PARSER = `
import { PDFParse } from 'pdf-parse';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
const text = await parser.getText();
const info = await parser.getInfo();
process.stdout.write(JSON.stringify({ pages: text.pages.map((p) => p.text), info: info.info }));
await parser.destroy();
`;

export function parsePdf(pdf: Buffer): Promise<ParsedPdf> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['--input-type=module', '-e', PARSER], { cwd: projectRoot, maxBuffer: 20 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`the PDF could not be parsed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as ParsedPdf);
    });
    child.stdin!.end(pdf);
  });
}

/** All the text of the PDF without the line breaks and spaces the layout put in (Chinese wraps anywhere). */
export async function pdfText(pdf: Buffer): Promise<string> {
  return (await parsePdf(pdf)).pages.join('').replace(/\s+/g, '');
}

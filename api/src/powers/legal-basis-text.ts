// Legal bases as Chinese spreadsheets write them: 《中华人民共和国食品安全法》第一百二十二条；《…》第…条
export interface LegalBasis {
  law: string;
  article?: string | null;
}

export function parseLegalBasisText(text: string): LegalBasis[] {
  const out: LegalBasis[] = [];
  const re = /《([^》]+)》\s*([^《；;\n]*)/g;
  for (const m of text.matchAll(re)) {
    const article = m[2].trim().replace(/[，,。、\s]+$/, '');
    out.push({ law: m[1].trim(), ...(article ? { article } : {}) });
  }
  return out;
}

export function formatLegalBasis(bases: LegalBasis[]): string {
  return bases.map((b) => `《${b.law}》${b.article ?? ''}`).join('；');
}

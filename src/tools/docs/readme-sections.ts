// Generated sections of README.md, kept between marker comments so the rest stays hand-written:
// `<!-- generated:NAME -->` … `<!-- /generated:NAME -->`.

export function replaceGeneratedSection(readme: string, name: string, content: string): string {
  const begin = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const start = readme.indexOf(begin);
  const stop = readme.indexOf(end);
  if (start < 0 || stop < start) throw new Error(`README.md has no ${begin} … ${end} section`);
  return `${readme.slice(0, start + begin.length)}\n${content}\n${readme.slice(stop)}`;
}

export function generatedSection(readme: string, name: string): string | undefined {
  const begin = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const start = readme.indexOf(begin);
  const stop = readme.indexOf(end);
  return start < 0 || stop < start ? undefined : readme.slice(start + begin.length, stop).trim();
}

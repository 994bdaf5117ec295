import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.ts';
import { readHtmlArticle } from '../../src/ingest/read-html-article.ts';
import { entryCommand } from '../support/spawn-entry.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => path.join(root, 'test/fixtures/html', name);
const encode = (html: string) => new TextEncoder().encode(html);

function read(bytes: Uint8Array, file: string): Article {
  const result = readHtmlArticle(bytes, file);
  if ('reason' in result) throw new Error(`expected an article, got: ${result.reason}`);
  return result;
}

const texts = (article: Article) => article.paragraphs.map((p) => p.text);

/** A page with enough story to be an article, around the given markup. */
const page = (head: string, body: string) =>
  `<!doctype html><html><head>${head}</head><body><article><h1>Bridge reopens after repairs</h1>${body}` +
  '<p>The bridge over the river reopened to traffic on Monday morning after eight months of repairs to its steel frame and deck.</p>' +
  '<p>Engineers said the work had finished two weeks ahead of schedule and under budget.</p></article></body></html>';

describe('readHtmlArticle on pages shaped like news sites', () => {
  it.each([
    {
      name: 'a full page with cookie banner, navigation, related box, crossheads and a paywall teaser',
      file: 'city-council-budget.html',
      expected: {
        id: 'city-council-budget',
        title: 'City council approves new budget after six-hour debate',
        byline: 'Jane Doe',
        source: 'Riverton Gazette',
        url: 'https://www.riverton-gazette.example/news/local/city-council-budget',
        published: '2024-03-12T08:15:00Z',
        tags: ['City council', 'Budget'],
        related: [
          'Mayor announces bid for a second term',
          'Branch libraries face closure, officials warn',
          'Flood warning issued for the river valley',
          'New bus routes start next month',
          'School inspection results published',
        ],
        headings: [
          { before: 4, text: 'Opposition warns of rising debt' },
          { before: 6, text: 'What happens next' },
        ],
      },
      first: 'Riverton city council approved a £48m budget for the coming year on Tuesday night,',
      last: 'The budget takes effect on 1 April. Residents will see the change in their council tax bills, which rise by 2.9 per cent, from May.',
      count: 6,
    },
    {
      name: 'the date and authors only in JSON-LD (a @graph, @type as a list, after a breadcrumb script)',
      file: 'harbour-date-in-json-ld.html',
      expected: {
        title: 'Harbour expansion wins final approval',
        byline: 'Priya Raman and Owen Hughes',
        source: 'Coastline Daily',
        url: 'https://coastline-daily.example/2024/05/harbour-expansion',
        published: '2024-05-03T17:40:00+01:00',
        tags: ['harbour', 'planning', 'jobs'],
        related: ['Port towns bet on bigger ships'],
        headings: [],
      },
      first: 'The long-delayed expansion of Port Ellis harbour won its final planning approval on Friday,',
      last: 'Environmental groups said they were disappointed but would not challenge the decision in court.',
      count: 4,
    },
    {
      name: 'an ISO-8859-1 page declared with <meta charset>',
      file: 'festival-latin1.html',
      expected: {
        title: 'Le festival de Montréal attire un public record',
        source: 'Le Courrier du Lac',
        published: '2023-07-09T20:00:00-04:00',
        headings: [{ before: 3, text: 'Des retombées économiques' }],
      },
      first: 'Plus de 250 000 festivaliers ont assisté aux concerts gratuits du centre-ville cette année,',
      last: 'La Ville estime les retombées économiques à plus de 40 millions de dollars, un chiffre que la Chambre de commerce juge « prudent ».',
      count: 4,
    },
    {
      name: 'malformed HTML (unclosed paragraphs and comment, stray end tags, no head or body end)',
      file: 'storm-malformed.html',
      expected: { title: 'Storm closes coastal road', headings: [] },
      first: 'The coast road between Port Ellis and Holm was closed on Sunday',
      last: 'Forecasters expect the wind to drop on Monday afternoon.',
      count: 4,
    },
  ])(
    'GIVEN $name THEN headline, metadata, related headlines and the story paragraphs are read',
    ({ file, expected, first, last, count }) => {
      const article = read(readFileSync(fixture(file)), fixture(file));
      expect(article).toMatchObject(expected);
      expect(texts(article)).toHaveLength(count);
      expect(texts(article)[0]).toContain(first);
      expect(texts(article).at(-1)).toBe(last);
      expect(article.paragraphs.map((p) => p.n)).toEqual(texts(article).map((_, i) => i + 1));
    },
  );

  it('GIVEN page furniture THEN none of it is body text', () => {
    const body = texts(read(readFileSync(fixture('city-council-budget.html')), 'city-council-budget.html')).join('\n');
    for (const furniture of [
      'cookies',
      'Accept all',
      'Sport',
      'Subscribe',
      'Home',
      'Share',
      'Photograph',
      'Mayor announces',
      'Most read',
      'Flood warning',
      'All rights reserved',
      'hacked',
      'dataLayer',
    ]) {
      expect(body).not.toContain(furniture);
    }
  });

  it('GIVEN a consent overlay, a standfirst, a read-more line and a newsletter box THEN only the story is body', () => {
    const body = texts(read(readFileSync(fixture('harbour-date-in-json-ld.html')), 'harbour.html')).join('\n');
    for (const furniture of ['partners', 'I agree', 'Port towns bet', 'newsletter', 'morning briefing'])
      expect(body).not.toContain(furniture);
  });
});

describe('readHtmlArticle on pages that are not articles or are hostile', () => {
  it.each([
    ['a section front with teasers and no story', readFileSync(fixture('section-front-no-article.html')), /^no article found in the page/],
    ['an empty document', encode('<html></html>'), /^no article found in the page/],
    [
      'an image renamed to .html',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      /^binary file/,
    ],
    ['markup garbage', encode('<<<>>><p<p>>"\'<!--<![CDATA[ <script>alert(1)</script><' + 'a'.repeat(500)), /^no article found/],
    [
      '100,000 nested elements',
      encode('<div>'.repeat(100_000) + '<p>Text.</p>' + '</div>'.repeat(100_000)),
      /too many HTML elements: 100001/,
    ],
    ['2,000 nested elements', encode('<div>'.repeat(2_000) + '<p>Text.</p>' + '</div>'.repeat(2_000)), /nested too deeply/],
    [
      'a page declared UTF-8 whose bytes are not',
      new Uint8Array([...encode('<meta charset="utf-8"><p>Caf'), 0xe9, ...encode('</p>')]),
      /not valid UTF-8/,
    ],
  ])('GIVEN %s THEN it is skipped with a clear reason', (_name, bytes, reason) => {
    expect(readHtmlArticle(bytes, 'page.html')).toEqual({ reason: expect.stringMatching(reason) });
  });

  it.each([
    [
      'a page wrapped in one <form> (as ASP.NET sites do)',
      (html: string) => html.replace('<body>', '<body><form id="aspnetForm" method="post">'),
    ],
    ['a story inside a box classed "paywall"', (html: string) => html.replace('<article>', '<article class="paywall-content">')],
    ['a story marked hidden by a paywall script', (html: string) => html.replace('<article>', '<article class="article" data-meter="1">')],
  ])('GIVEN %s THEN the story is still read', (_name, change) => {
    const article = read(encode(change(page('', ''))), 'bridge.html');
    expect(article.title).toBe('Bridge reopens after repairs');
    expect(texts(article)).toHaveLength(2);
  });

  it.each([
    ['malformed JSON-LD', '<script type="application/ld+json">{"@graph": [[[[{</script>'],
    ['JSON-LD that is not an object', '<script type="application/ld+json">"just a string"</script>'],
    [
      'a script that rewrites the page',
      '<script>document.body.innerHTML = "<p>Injected by a script that must never run here.</p>";</script>',
    ],
  ])('GIVEN %s THEN the page still reads and no script text is body', (_name, head) => {
    const article = read(encode(page(head, '')), 'bridge.html');
    expect(article.title).toBe('Bridge reopens after repairs');
    expect(texts(article)).toHaveLength(2);
    expect(texts(article).join(' ')).not.toMatch(/Injected|script/);
  });

  it.each([
    ['windows-1252 via http-equiv', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', [0x93, 0x94], '“”'],
    ['ISO-8859-1 via meta charset', '<meta charset="ISO-8859-1">', [0xe9, 0xfc], 'éü'],
    ['no declaration and Latin-1 bytes', '', [0xe9, 0xfc], 'éü'],
  ])('GIVEN %s THEN the characters read right', (_name, head, bytes, expected) => {
    const [before, after] = page(head, '<p>The caf\u0000 owner said the reopening was the best news of the year for the street.</p>').split(
      '\u0000',
    );
    const article = read(new Uint8Array([...encode(before!), ...bytes, ...encode(after!)]), 'bridge.html');
    expect(texts(article)[0]).toContain(`caf${expected} owner`);
  });

  it('GIVEN a UTF-16 page with a byte-order mark THEN it reads', () => {
    const html = page('', '');
    const bytes = new Uint8Array(2 + html.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < html.length; i++) new DataView(bytes.buffer).setUint16(2 + i * 2, html.charCodeAt(i), true);
    expect(read(bytes, 'bridge.html').title).toBe('Bridge reopens after repairs');
  });
});

describe('npm run ask on a data directory holding an .html page', () => {
  it('GIVEN an .html article THEN /summary answers with citations of its paragraphs', async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'pilcrow-html-'));
    copyFileSync(fixture('city-council-budget.html'), path.join(data, 'city-council-budget.html'));
    const [command, args] = entryCommand('src/cli.ts', ['--data', data, '--json', '/summary']);
    const { stdout } = await promisify(execFile)(command, args, {
      cwd: root,
      env: { ...process.env, CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'pilcrow-html-cache-')), DATA_DIR: '' },
      timeout: 60_000,
    });
    const answer = JSON.parse(stdout) as { command: string; citations: Array<{ article: string; paragraph: number }> };
    expect(answer.command).toBe('summary');
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const citation of answer.citations) {
      expect(citation.article).toBe('city-council-budget');
      expect(citation.paragraph).toBeGreaterThanOrEqual(1);
      expect(citation.paragraph).toBeLessThanOrEqual(6);
    }
  }, 90_000);
});

// Lesson and exercise Markdown: marked's lexer plus one block extension for directive lines
// (`::simulation{scenario="x" views="a,b"}`). Raw HTML never reaches the page: `findProblems` reports it
// and validation rejects the file, so rendered prose can be inserted as HTML.
import { Marked, type Token, type Tokens, type TokenizerAndRendererExtension } from 'marked';

export interface DirectiveToken {
  type: 'directive';
  raw: string;
  name: string;
  attrs: Record<string, string>;
  /** Set when the line starts with `::` but is not `::name{key="value" …}`. */
  malformed: boolean;
}

const DIRECTIVE_LINE = /^::([A-Za-z-]*)(.*)(?:\n+|$)/;
const DIRECTIVE_BODY = /^\{((?:\s*[a-z]+="[^"]*")*)\s*\}\s*$/;
const ATTRIBUTE = /([a-z]+)="([^"]*)"/g;

const directive: TokenizerAndRendererExtension = {
  name: 'directive',
  level: 'block',
  // Lets a directive line end the paragraph above it, even without a blank line between them.
  start: (src) => /^::/m.exec(src)?.index,
  tokenizer(src) {
    const line = DIRECTIVE_LINE.exec(src);
    if (!line) return undefined;
    const body = DIRECTIVE_BODY.exec(line[2]);
    const attrs = Object.fromEntries([...(body?.[1] ?? '').matchAll(ATTRIBUTE)].map((m) => [m[1], m[2]]));
    return { type: 'directive', raw: line[0], name: line[1], attrs, malformed: !body || line[1] === '' };
  },
  // Directives become slots of their own; this only runs if one is ever rendered inside prose.
  renderer: () => '',
};

const SAFE_HREF = /^(?:https?:|mailto:|#\/|term:)/;

export const markdown = new Marked({
  gfm: true,
  extensions: [directive],
  renderer: {
    link({ href, tokens }) {
      const text = this.parser.parseInline(tokens);
      if (href.startsWith('term:')) {
        return `<a class="term" href="#/glossary/${encodeURIComponent(href.slice(5))}">${text}</a>`;
      }
      const external = /^https?:/.test(href) ? ' rel="external noopener"' : '';
      return `<a href="${escapeAttribute(href)}"${external}>${text}</a>`;
    },
    image({ text }) {
      // Lessons draw with the simulator, not with images; alt text keeps whatever was meant readable.
      return escapeAttribute(text);
    },
  },
});

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function lex(body: string): Token[] {
  return markdown.lexer(body);
}

export function isDirective(token: Token): token is Token & DirectiveToken {
  return token.type === 'directive';
}

export interface MarkdownFindings {
  problems: string[];
  termLinks: string[];
}

/** Walks every token (nested ones too): raw HTML, unsafe links, level-1 headings, glossary links. */
export function inspect(tokens: Token[]): MarkdownFindings {
  const problems: string[] = [];
  const termLinks: string[] = [];
  markdown.walkTokens(tokens, (token) => {
    if (token.type === 'html') problems.push(`raw HTML is not allowed, found ${JSON.stringify(token.raw.trim())}`);
    if (token.type === 'heading' && (token as Tokens.Heading).depth === 1) {
      problems.push(`level-1 heading "${(token as Tokens.Heading).text}" (the title comes from the front matter; start at ##)`);
    }
    if (token.type === 'link') {
      const { href } = token as Tokens.Link;
      if (href.startsWith('term:')) termLinks.push(href.slice(5));
      else if (!SAFE_HREF.test(href)) problems.push(`link target ${JSON.stringify(href)} is not allowed (use https:, #/ or term:)`);
    }
  });
  return { problems, termLinks };
}

export function render(tokens: Token[]): string {
  return markdown.parser(tokens);
}

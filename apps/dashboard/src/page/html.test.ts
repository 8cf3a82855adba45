import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trustedHtml } from './html.js';

describe('the html builder', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const evil = `<script>alert("x")</script>' onmouseover='y' &amp;`;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;y&#39; &amp;amp;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;y&#39; &amp;amp;</p>',
    );
  });

  it('keeps nested html and trusted markup, and drops null, undefined and false', () => {
    const inner = html`<b>${'a<b'}</b>`;
    expect(
      html`<div>${inner}${[inner, '&']}${null}${undefined}${false}${0}${trustedHtml('<hr>')}</div>`.value,
    ).toBe('<div><b>a&lt;b</b><b>a&lt;b</b>&amp;0<hr></div>');
    expect(escapeHtml('plain')).toBe('plain');
  });
});

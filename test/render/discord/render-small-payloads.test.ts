import { describe, expect, it } from 'vitest';
import { userError } from '../../../src/model/user-error.ts';
import { renderParagraph } from '../../../src/render/discord/render-paragraph.ts';
import { renderUserError } from '../../../src/render/discord/render-user-error.ts';
import { payloadText, payloadViolations } from './payload-limits.ts';
import { HOSTILE, REF } from './sample-answers.ts';

describe('renderUserError', () => {
  it('GIVEN a not-found error with suggestions THEN a short message offers them', () => {
    const payload = renderUserError(userError('not-found', 'Nobody called "Lavrof" is quoted.', ['Sergei Lavrov', 'Vladimir Putin']));
    expect(payload.content).toBe('Nobody called "Lavrof" is quoted.\nDid you mean **Sergei Lavrov**, **Vladimir Putin**?');
    expect(payload.allowedMentions).toEqual({ parse: [] });
  });

  it('GIVEN hostile echoed text THEN mentions and markdown are neutralised', () => {
    const payload = renderUserError(userError('not-found', `No quotes about "${HOSTILE.repeat(40)}"`));
    expect(payloadViolations(payload)).toEqual([]);
    expect(payload.content).not.toMatch(/(^|[^\u200b])@everyone/);
    expect(payload.content).not.toContain('<@1234');
  });
});

describe('renderParagraph', () => {
  it('GIVEN a paragraph THEN it is shown in full under the headline with its number', () => {
    const payload = renderParagraph(REF, { n: 12, text: 'Lavrov said the talks went well.' });
    expect(payload).toMatchSnapshot();
  });

  it.each([5000, 20000])('GIVEN a %i-character paragraph THEN it stays within limits', (size) => {
    const payload = renderParagraph(REF, { n: 1, text: `${HOSTILE} ${'long words here '.repeat(size / 16)}` });
    expect(payloadViolations(payload)).toEqual([]);
    expect(payloadText(payload)).toContain('¶ 1');
  });
});

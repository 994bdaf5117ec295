import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/cli/parse-question.ts';

describe('parseQuestion', () => {
  it.each([
    ['/summary', { command: 'summary', options: {} }],
    ['summary length:3', { command: 'summary', options: { length: '3' } }],
    ['/quote speaker:Lavrov', { command: 'quote', options: { speaker: 'Lavrov' } }],
    ['/related topic:mercenarys wagner', { command: 'related', options: { topic: 'mercenarys wagner' } }],
    ['/quote speaker:Sergei Lavrov about:the OSCE', { command: 'quote', options: { speaker: 'Sergei Lavrov', about: 'the OSCE' } }],
    ['/quote about:"time: 12" speaker:\'Putin\'', { command: 'quote', options: { about: 'time: 12', speaker: 'Putin' } }],
    ['/related topic:time:12', { command: 'related', options: { topic: 'time:12' } }],
    ['/WHO Name:lukashenk', { command: 'who', options: { name: 'lukashenk' } }],
  ])('GIVEN %j THEN it reads the command and its options', (line, expected) => {
    expect(parseQuestion(line)).toEqual(expected);
  });

  it.each([
    ['', 'Type a question'],
    ['   ', 'Type a question'],
    ['!!!', 'starts with a command'],
    ['/who Lavrov', 'Expected name:value'],
    ['/who name:"Lavrov', 'never closed'],
    ['/who name:a name:b', 'given twice'],
    ['/who name:"a"b', 'space after'],
    ['asdf qwerty', 'Unknown command "/asdf". Try /summary, /quote, /who, /related.'],
    ['/sumary length:3', 'Unknown command "/sumary"'],
  ])('GIVEN the malformed %j THEN a bad-syntax error explains it', (line, message) => {
    const result = parseQuestion(line);
    expect(result).toMatchObject({ error: { code: 'bad-syntax' } });
    expect('error' in result && result.error.message).toContain(message);
  });
});

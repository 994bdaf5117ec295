/** The bundled article's topic queries (typos included) and the paragraphs that answer them. */
export const SEED_TOPIC_QUERIES: ReadonlyArray<[string, number[]]> = [
  ['mercenarys wagner', [16]],
  ['lavrof', [4, 7, 9, 38, 40]],
  ['nato', [10, 40]],
  ['csto treaty', [25]],
  ['zelensky extradition', [17]],
  ['torture UN experts', [20]],
  ['rossia televison interview', [23]],
  ['mishustin prime minster', [32]],
  ['osce mediation', [39]],
  ['kazakstan armenia', [29]],
  ['warsaw pact', [27]],
  ['khrenin defence minister', [33]],
  ['maidan', [8]],
  ['fascism ukraine', [18]],
  ['extremists trained ukraine', [2, 12]],
  ['contingent security forces', [22]],
];

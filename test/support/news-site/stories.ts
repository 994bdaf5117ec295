/**
 * The made-up stories the local news site publishes. The papers, people and places do not exist;
 * the writing follows real news style (a lead, named people with their roles, quotes with "said",
 * crossheads, background at the end). A body line starting with '## ' is a crosshead.
 */
export interface Story {
  /** The page's path on the site ('/news/2026/11/28/harbour-ferry-strike'). */
  path: string;
  section: string;
  headline: string;
  standfirst: string;
  /** Author names, without "By". */
  authors: string[];
  /** ISO 8601 with offset. */
  published: string;
  tags: string[];
  body: string[];
}

export const HARBOUR_FERRY_STRIKE: Story = {
  path: '/news/2026/11/28/harbour-ferry-strike',
  section: 'News',
  headline: 'Ferry crews in Port Callan walk out over night-shift rosters',
  standfirst: 'Crossings to the islands were cancelled for a second day as talks between the operator and the union broke down.',
  authors: ['Maeve Donnelly'],
  published: '2026-11-28T07:45:00+00:00',
  tags: ['Transport', 'Port Callan', 'Industrial action'],
  body: [
    'Ferry services between Port Callan and the Skerrow islands were cancelled on Friday for a second consecutive day after crews walked out in a dispute over new night-shift rosters.',
    'About 140 deckhands, engineers and ticket staff employed by Callan Sound Ferries stopped work at 6am on Thursday. The operator said only an emergency freight sailing would run before Monday.',
    '"Nobody takes this step lightly," said Declan Furey, the regional organiser of the Maritime and Harbour Workers Union. "Our members have been asked to work four night shifts in a row with less than ten hours between them. That is not safe on open water in winter."',
    'Callan Sound Ferries said the rosters had been drawn up to add two late sailings that islanders had requested for years. Its chief executive, Helen Marsh, said the company had offered a shift allowance of 12 per cent and a review of the rota after three months.',
    '"We have put a fair offer on the table and we remain ready to talk at any hour," Ms Marsh said. "What we cannot do is leave the islands without an evening boat."',
    '## Islanders caught in the middle',
    'On Skerrow, where the ferry is the only link to the mainland hospital and secondary school, residents said the stoppage had come at the worst time of year.',
    'Aileen Crosbie, who runs the island shop, said her shelves of fresh milk and bread would be empty by Saturday. "We are used to storms cancelling boats, but a storm passes," she said. "This feels like it could go on."',
    'The county council said it had arranged for a chartered launch to carry patients with hospital appointments and pupils sitting exams. Councillor Rory Tait, who chairs the transport committee, said the arrangement would cost about £8,000 a day.',
    '## Talks to resume',
    'The Workplace Relations Service confirmed that both sides had agreed to attend separate meetings on Saturday morning. A spokeswoman said a mediator would then decide whether joint talks could resume.',
    'The dispute is the first stoppage at the ferry company since 2019, when a two-day strike over pensions was settled with the help of the same service.',
  ],
};

export const BAKERY_COOPERATIVE: Story = {
  path: '/business/2026/11/27/bakery-cooperative-buyout',
  section: 'Business',
  headline: 'Staff buy the Harwick bakery they work in as founder retires',
  standfirst: 'Thirty-one workers now own Loaf & Larder after a buyout backed by a community share offer.',
  authors: ['Tomasz Wrobel', 'Priya Natarajan'],
  published: '2026-11-27T11:20:00+00:00',
  tags: ['Business', 'Harwick', 'Co-operatives'],
  body: [
    'The employees of Loaf & Larder, a bakery and café chain with four shops in Harwick, have bought the business from its founder in one of the largest worker buyouts in the region this year.',
    'Gillian Rae, who opened the first shop in a former bank on Market Street in 2004, said she had turned down two offers from national chains before agreeing to sell to her staff for an undisclosed sum.',
    '"I could have made more money, but I would not have slept at night," Ms Rae said. "The people who get up at four in the morning to bake are the people who should decide where the business goes next."',
    'The purchase was funded by a bank loan, a grant from the regional development agency and a community share offer that raised £410,000 from 960 customers in six weeks.',
    'Kwame Asante, a baker who has worked at the company for eleven years and was elected chair of the new co-operative, said the first decision of its members had been to keep every shop open on Sundays.',
    '"People assumed we would cut hours to save money," Mr Asante said. "We did the opposite, because Sunday is when families come in and that is what keeps the town centre alive."',
    '## A growing model',
    'Co-operative Enterprise, a body that advises businesses on employee ownership, said it had handled 23 worker buyouts in the region in the past two years, up from seven in the two years before.',
    'Its director, Fiona McLeod, said owners approaching retirement increasingly saw a sale to staff as a way to protect jobs. "The tax relief helps, but most founders tell us it is about legacy," she said.',
    'Harwick Chamber of Commerce welcomed the deal. Its president, Alan Birch, said independent shops accounted for more than half of the units on Market Street, against a national average of about a third.',
  ],
};

export const SCHOOL_MEALS_TRIAL: Story = {
  path: '/news/2026/11/29/school-meals-trial',
  section: 'Education',
  headline: 'Free breakfast trial cut late arrivals, Dunmore schools report',
  standfirst: 'Head teachers want the scheme extended after a term in which pupils arrived earlier and missed fewer lessons.',
  authors: ['Sunita Kapoor'],
  published: '2026-11-29T06:30:00+00:00',
  tags: ['Education', 'Dunmore', 'Child poverty'],
  body: [
    'A trial offering free breakfast to every pupil at six primary schools in Dunmore has reduced late arrivals by almost a third, according to figures published by the education authority on Saturday.',
    'The schools recorded 1,870 late marks in the autumn term, compared with 2,740 in the same term last year. Unauthorised absence fell from 2.1 per cent of sessions to 1.6 per cent.',
    'Moira Henderson, head teacher of St Brendan\'s Primary, said the change had been visible within a fortnight. "Children who used to drift in at twenty past nine are now queuing at the door at quarter past eight, because there is toast and porridge waiting," she said.',
    'The trial cost £184,000 for the term, paid from a fund set aside by the council after a 2025 report found that one in four children in the town lived in households that had skipped meals.',
    '## Parents back the scheme',
    'Parents interviewed at the school gates were broadly supportive. Callum Reid, a delivery driver with two children at Northfield Primary, said the breakfast club had made mornings "a lot less of a battle".',
    "Councillor Janet Okafor, the council's education spokeswoman, said a decision on extending the scheme to all 31 primary schools would be taken when the budget is set in February.",
    '"The evidence from this term is encouraging, but we have to find the money without cutting something else that children rely on," Ms Okafor said.',
    'The education authority said it would publish an evaluation of attainment in the summer, once pupils had completed their end-of-year assessments.',
  ],
};

export const CHOIR_FESTIVAL: Story = {
  path: '/culture/2026/11/26/choir-festival-returns',
  section: 'Culture',
  headline: 'Café concerts and a Zürich choir as Lénárd festival returns',
  standfirst: 'The winter choral festival is back after a two-year break, with tickets from £5 and a programme sung in five languages.',
  authors: ['Hélène Garnier'],
  published: '2026-11-26T18:05:00+00:00',
  tags: ['Culture', 'Music', 'Festivals'],
  body: [
    'The Lénárd Winter Choral Festival returns to Ashby next month after a two-year break, with 26 choirs from seven countries and concerts in churches, cafés and the old corn exchange.',
    'The festival, named after the Hungarian-born conductor Zoltán Lénárd, who settled in the town in the 1960s, was suspended in 2024 when its main venue closed for repairs.',
    '"We wanted the festival to come back smaller, cheaper and closer to people," said Béatrice Moreau, its artistic director. "Half the concerts are in cafés, and most tickets cost £5 or nothing at all."',
    'The headline concert on 14 December will be given by the Zürich youth choir Singkreis Limmat, whose conductor, Jürg Meier, said the singers had learnt two carols in the local dialect for the occasion.',
    "A programme of about 40 events includes a workshop for children, a late-night concert of Estonian folk songs and a performance of Fauré's Requiem by a choir of 120 amateur singers from the county.",
    '## Funding secured for three years',
    'The arts council said it had awarded the festival £95,000 over three years. Its regional director, Owen Pritchard, said the grant reflected "a programme that reaches people who would not normally buy a concert ticket".',
    'Ms Moreau said about a quarter of the tickets had been sold in the first week. "Choirs are the most democratic music there is," she said. "Anyone can join, and everyone can listen."',
  ],
};

export const RIVER_SENSORS: Story = {
  path: '/science/2026/11/25/river-sensors-flood-warnings',
  section: 'Science',
  headline: 'Cheap river sensors gave villagers an hour more warning of floods',
  standfirst: "A university project fitted 60 low-cost gauges to streams above Kelby and sent alerts straight to residents' phones.",
  authors: ['Daniel Osei'],
  published: '2026-11-25T09:00:00+00:00',
  tags: ['Science', 'Flooding', 'Kelby'],
  body: [
    'A network of low-cost sensors fitted to streams in the hills above Kelby gave residents an average of 70 minutes more warning of flash floods than the official gauges downstream, a study has found.',
    'Researchers from Northmoor University installed 60 ultrasonic water-level sensors, each costing about £150, on bridges and culverts across the catchment in 2024. The devices send a reading every five minutes over a low-power radio network.',
    '"The official gauges are excellent, but they are at the bottom of the valley, so by the time they react the water is almost at people\'s doors," said Dr Ines Carvalho, the hydrologist who led the project.',
    'During the storms of last February, the sensors triggered text alerts to 430 households before the river burst its banks on Mill Lane. Nobody was injured, although 18 homes were flooded.',
    'Graham Pike, who chairs the Kelby flood action group, said the alert had given him time to move his mother\'s furniture upstairs and to knock on his neighbours\' doors. "An hour does not sound like much, but it is the difference between losing everything and losing a carpet," he said.',
    '## Wider roll-out considered',
    'The Environment Agency said it was studying the results. Its area flood risk manager, Sarah Lindqvist, said the sensors could complement the national network but would need to be maintained for years, not months.',
    'Dr Carvalho said six of the sensors had been damaged by debris during the storms and that the team was testing sturdier housings. The findings were published in the Journal of Flood Risk Management.',
  ],
};

export const ROWING_CLUB: Story = {
  path: '/sport/2026/11/24/rowing-club-wins-regional-title',
  section: 'Sport',
  headline: 'Kelby rowers take regional eights title in final-stroke finish',
  standfirst: "The club's women's eight beat the favourites by a fifth of a second on a freezing morning at Lockmere.",
  authors: ['Ruth Adeyemi'],
  published: '2026-11-24T16:40:00+00:00',
  tags: ['Sport', 'Rowing', 'Kelby'],
  body: [
    "Kelby Rowing Club's women's eight won the regional head-to-head championship at Lockmere on Sunday, beating the defending champions, Harwick Amateur Rowing Club, by two-tenths of a second.",
    "The crews were level with 250 metres left, and the race was decided on the last stroke, with the photograph showing Kelby's bow ball fractionally ahead at the line.",
    '"I did not know we had won until I heard the cheering from the bank," said Chloe Brannigan, who rowed at stroke. "My legs had completely gone. We just kept the rhythm and trusted it."',
    'The club\'s head coach, Martin Achterberg, said the crew had trained at 6am three mornings a week since September, often in the dark. "They earned every tenth of that margin in November mornings that nobody sees," he said.',
    'Harwick\'s captain, Sophie Lund, congratulated the winners and said her crew would be back for the spring regatta. "That is rowing," she said. "You can do everything right and still lose by the length of a shoe."',
    'The result qualifies Kelby for the national club championships in Nottingham in March, the first time the club has reached the event since it was founded in 1911.',
  ],
};

/** Every hand-written story, in the order the feeds list them (newest first). */
export const STORIES: readonly Story[] = [
  SCHOOL_MEALS_TRIAL,
  HARBOUR_FERRY_STRIKE,
  BAKERY_COOPERATIVE,
  CHOIR_FESTIVAL,
  RIVER_SENSORS,
  ROWING_CLUB,
];

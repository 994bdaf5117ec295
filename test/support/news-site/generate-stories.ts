import type { Story } from './stories.ts';

/**
 * `count` distinct local-news stories for the site's large feed (/generated/story-001 …): five
 * kinds of story (a council vote, a new bus route, a library reopening, a charity run, a factory
 * hiring) filled with different towns, people, figures and dates, so every page has its own
 * headline and its own text (none is a duplicate of another by content).
 */
export function generateStories(count: number): Story[] {
  const stories: Story[] = [];
  for (let i = 0; i < count; i++) stories.push(generateStory(i));
  return stories;
}

const TOWNS = [
  'Ashby',
  'Brackley Moor',
  'Carnforth Bay',
  'Dunmore',
  'Eastwell',
  'Fenwick',
  'Glenroy',
  'Harwick',
  'Inchmore',
  'Kelby',
  'Lockmere',
];
const FIRST = [
  'Amara',
  'Ben',
  'Catriona',
  'Dev',
  'Eilidh',
  'Farid',
  'Grace',
  'Hamish',
  'Ifeoma',
  'Jonas',
  'Katya',
  'Liam',
  'Mei',
  'Niall',
  'Olu',
];
const LAST = [
  'Abbott',
  'Bjornsson',
  'Chaudhry',
  'Doyle',
  'Eriksen',
  'Fraser',
  'Gallagher',
  'Hussain',
  'Iwu',
  'Jamieson',
  'Kowalczyk',
  'Lennox',
  'Mbeki',
];

function person(i: number, k: number): string {
  return `${FIRST[(i * 7 + k * 5) % FIRST.length]} ${LAST[(i * 3 + k * 11) % LAST.length]}`;
}

function generateStory(i: number): Story {
  const n = String(i + 1).padStart(3, '0');
  const town = TOWNS[i % TOWNS.length]!;
  const a = person(i, 1);
  const b = person(i, 2);
  const c = person(i, 3);
  const day = 1 + (i % 28);
  const hour = 6 + (i % 12);
  const published = `2026-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00+00:00`;
  const amount = 40_000 + i * 3_250;
  const people = 120 + i * 17;
  const base = { path: `/generated/story-${n}`, published, authors: [c] };
  switch (i % 5) {
    case 0:
      return {
        ...base,
        section: 'News',
        headline: `${town} council approves £${format(amount)} plan to repair ${people} potholes`,
        standfirst: `Councillors voted ${10 + (i % 7)} to ${2 + (i % 4)} for the repairs after a winter of complaints.`,
        tags: ['Roads', town],
        body: [
          `${town} council has approved a £${format(amount)} programme to repair ${people} potholes on residential streets before the end of March, after a winter in which complaints about the roads doubled.`,
          `Councillor ${a}, who chairs the environment committee, said the worst streets would be repaired first. "People have waited long enough, and we have listened to every one of the ${people} reports," ${a.split(' ')[0]} ${a.split(' ')[1]} said.`,
          `The opposition leader, ${b}, said the money should have been found a year earlier. "Patching holes after the damage is done is the most expensive way to look after a road," ${b.split(' ')[1]} said.`,
          `The work will be carried out by a contractor appointed in ${['January', 'February', 'March'][i % 3]}, and residents can report new potholes through the council's website.`,
        ],
      };
    case 1:
      return {
        ...base,
        section: 'Transport',
        headline: `New bus route ${i + 10} to link ${town} with the hospital from spring`,
        standfirst: `The service will run every ${15 + (i % 4) * 5} minutes and is funded for ${2 + (i % 3)} years.`,
        tags: ['Buses', town],
        body: [
          `A new bus route, the ${i + 10}, will link ${town} with the county hospital from April, running every ${15 + (i % 4) * 5} minutes on weekdays, the transport authority has announced.`,
          `${a}, the authority's head of public transport, said ${people} people had asked for the route in a consultation last summer. "For many of them the only alternative is a taxi that costs more than a day's pay," ${a.split(' ')[1]} said.`,
          `${b}, who volunteers at the hospital's outpatients desk, said the route would make a real difference. "I see patients miss appointments every week because they could not get here," ${b.split(' ')[1]} said.`,
          `The route is funded for ${2 + (i % 3)} years at a cost of £${format(amount)} a year, after which the authority will decide whether to keep it.`,
        ],
      };
    case 2:
      return {
        ...base,
        section: 'Community',
        headline: `${town} library reopens after £${format(amount)} refurbishment`,
        standfirst: `Visitors found a children's floor, a maker space and longer opening hours.`,
        tags: ['Libraries', town],
        body: [
          `${town} library reopened on Saturday after a £${format(amount)} refurbishment that added a children's floor, a maker space with 3D printers and opening hours until 8pm on ${['Tuesdays', 'Wednesdays', 'Thursdays'][i % 3]}.`,
          `The head librarian, ${a}, said ${people} people had come through the doors in the first two hours. "We were worried nobody would come out in the rain, and then there was a queue round the block," ${a.split(' ')[1]} said.`,
          `${b}, a retired teacher who has used the library for forty years, said the building felt "brighter and warmer than it has ever been".`,
          `The refurbishment was paid for by the council and a lottery grant. The library had been closed for ${5 + (i % 9)} months.`,
        ],
      };
    case 3:
      return {
        ...base,
        section: 'Community',
        headline: `${people} runners raise £${format(Math.round(amount / 4))} in ${town} charity 10k`,
        standfirst: `The race, in its ${ordinal(3 + (i % 20))} year, raised money for the local hospice.`,
        tags: ['Charity', town],
        body: [
          `${people} runners took part in the ${town} charity 10k on Sunday, raising £${format(Math.round(amount / 4))} for the local hospice in the race's ${ordinal(3 + (i % 20))} year.`,
          `The winner, ${a}, finished in ${33 + (i % 9)} minutes and ${10 + (i % 49)} seconds. "The crowd on the last hill carried me up it," ${a.split(' ')[1]} said.`,
          `The hospice's fundraising manager, ${b}, said the money would pay for ${2 + (i % 5)} nurses for a year. "Every step today turns into care for a family who needs it," ${b.split(' ')[1]} said.`,
          `The organisers said next year's race would open for entries in ${['June', 'July', 'August'][i % 3]}.`,
        ],
      };
    default:
      return {
        ...base,
        section: 'Business',
        headline: `Packaging maker to hire ${people} in ${town} as it opens second plant`,
        standfirst: `The £${format(amount * 10)} plant will make recyclable food trays.`,
        tags: ['Jobs', town],
        body: [
          `A packaging manufacturer will create ${people} jobs in ${town} after choosing the town for a second plant, a £${format(amount * 10)} investment that will make recyclable food trays.`,
          `The company's managing director, ${a}, said ${town} had been chosen for its rail link and its engineering college. "We need people who can run and repair modern machines, and the college trains exactly those people," ${a.split(' ')[1]} said.`,
          `${b}, the local MP, said the announcement was "the best news for the town's economy in a decade".`,
          `Recruitment will begin in ${['the spring', 'the summer', 'the autumn'][i % 3]}, and the plant is expected to start production within ${12 + (i % 12)} months.`,
        ],
      };
  }
}

function format(n: number): string {
  return n.toLocaleString('en-GB');
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

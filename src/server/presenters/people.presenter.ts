import type { Background, Gender } from '../../domain/enums.ts';
import type { Person } from '../../domain/people.ts';
import type { PeopleTable } from '../db/schema.ts';

type PersonFields = Pick<
  PeopleTable,
  'id' | 'full_name' | 'honorific' | 'affiliation' | 'background' | 'gender'
>;

export const presentPerson = (p: PersonFields): Person => ({
  id: p.id,
  fullName: p.full_name,
  honorific: p.honorific,
  affiliation: p.affiliation,
  background: p.background as Background,
  gender: p.gender as Gender,
});

/**
 * Member profiles for the directory: what a person tells the network about
 * themselves, and to whom. Nobody is listed until they choose to be; each field can
 * be kept off the listing; the audience says who may find it.
 */
import * as z from 'zod';
import type { Profession } from '../roles';

export const REGIONS = [
  'north_east_and_yorkshire',
  'north_west',
  'midlands',
  'east_of_england',
  'london',
  'south_east',
  'south_west',
  'scotland',
  'wales',
  'northern_ireland',
  'outside_uk',
] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_LABELS: Readonly<Record<Region, string>> = {
  north_east_and_yorkshire: 'North East and Yorkshire',
  north_west: 'North West',
  midlands: 'Midlands',
  east_of_england: 'East of England',
  london: 'London',
  south_east: 'South East',
  south_west: 'South West',
  scotland: 'Scotland',
  wales: 'Wales',
  northern_ireland: 'Northern Ireland',
  outside_uk: 'Outside the UK',
};

/** Who may find a profile in the directory. */
export const PROFILE_AUDIENCES = ['nobody', 'labmates', 'everyone'] as const;
export type ProfileAudience = (typeof PROFILE_AUDIENCES)[number];

export const PROFILE_AUDIENCE_LABELS: Readonly<Record<ProfileAudience, string>> = {
  nobody: 'Nobody: I am not listed',
  labmates: 'People in my labs',
  everyone: 'Everyone with an account',
};

export const MAX_TOPICS = 10;

/** A topic as the directory keeps it: trimmed, lower-case; groups and labs use the same. */
export const TopicSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .transform((text) => text.toLowerCase());

/** The fields a person may show or keep off their listing. */
export const PROFILE_FIELDS = [
  'profession',
  'organisation',
  'region',
  'topics',
  'labs',
  'groups',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const ProfileBodySchema = z.object({
  audience: z.enum(PROFILE_AUDIENCES),
  organisation: z.string().trim().max(120),
  region: z.enum(REGIONS).nullable(),
  topics: z.array(TopicSchema).max(MAX_TOPICS),
  openToConnect: z.boolean(),
  /** Kept off network pictures and counts (still counted in nobody's favour or against). */
  hideFromNetwork: z.boolean(),
  shown: z.object({
    profession: z.boolean(),
    organisation: z.boolean(),
    region: z.boolean(),
    topics: z.boolean(),
    labs: z.boolean(),
    /** Added after profiles shipped: a profile saved before it keeps groups off its listing. */
    groups: z.boolean().default(false),
  }),
});
export type ProfileBody = z.infer<typeof ProfileBodySchema>;

export const ProfileRecordSchema = ProfileBodySchema.extend({
  userId: z.string().min(1).max(64),
  updatedAt: z.string().min(1),
});
export type ProfileRecord = z.infer<typeof ProfileRecordSchema>;

/** What a person without a profile has: listed nowhere, every field shown once they opt in. */
export function defaultProfile(userId: string, at: string): ProfileRecord {
  return {
    userId,
    audience: 'nobody',
    organisation: '',
    region: null,
    topics: [],
    openToConnect: false,
    hideFromNetwork: false,
    shown: {
      profession: true,
      organisation: true,
      region: true,
      topics: true,
      labs: false,
      groups: false,
    },
    updatedAt: at,
  };
}

/** One person as the directory shows them to one viewer: absent fields were not shown. */
export interface DirectoryEntry {
  readonly userId: string;
  readonly name: string;
  readonly profession?: Profession;
  readonly organisation?: string;
  readonly region?: Region;
  readonly topics?: readonly string[];
  readonly labs?: readonly string[];
  /** Names of the special interest groups the person is a member of. */
  readonly groups?: readonly string[];
  readonly openToConnect: boolean;
}

export const DirectoryQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  profession: z.string().max(40).optional(),
  region: z.enum(REGIONS).optional(),
  topic: z.string().trim().max(40).optional(),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuerySchema>;

import { z } from 'zod';
import { operation } from './define.ts';

export const environmentSchema = z.enum(['simulator', 'staging', 'production', 'custom']);
export type Environment = z.infer<typeof environmentSchema>;

export const profileSchema = z.object({
  id: z.string(),
  name: z.string(),
  environment: environmentSchema,
  baseUrl: z.string(),
  colour: z.string(),
  builtIn: z.boolean(),
});
export type Profile = z.infer<typeof profileSchema>;

export const profileListSchema = z.object({
  activeProfileId: z.string(),
  profiles: z.array(profileSchema),
});
export type ProfileList = z.infer<typeof profileListSchema>;

export const profileOperations = {
  list: operation({
    summary: 'Every profile and which one is active',
    input: z.undefined(),
    output: profileListSchema,
  }),
};

import { z } from 'zod';

/** `site.yaml`: the site's own settings. */
export const siteSchema = z.strictObject({
  /** The site's name, shown in every page's header and title. */
  title: z.string().min(1),
  /** One sentence describing the site, for the home page and search engines. */
  description: z.string().min(1),
  /** True when the records are demonstration data: every page then says so. */
  demo: z.boolean().default(false),
});
export type Site = z.infer<typeof siteSchema>;

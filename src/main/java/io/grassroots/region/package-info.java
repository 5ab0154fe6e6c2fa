/**
 * The administrative region tree keyed by 12-digit statistical codes (prefecture → county → street → community),
 * its import, and the registers that hang on it: functional departments per county and the party organisations of
 * streets and communities. Public query APIs: {@link io.grassroots.region.Regions} and
 * {@link io.grassroots.region.Departments}.
 */
package io.grassroots.region;

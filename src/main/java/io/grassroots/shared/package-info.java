/**
 * The technical kernel every module may use: the Beijing-time clock, problem details for errors, the console's
 * layout support, personal-data encryption, import reports, background jobs and demo-data loading. No business rules.
 */
package io.grassroots.shared;

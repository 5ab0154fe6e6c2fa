/**
 * Cases (工单): intake from every channel, placement, categories and time limits, and the closed loop of
 * CASE-LIFECYCLE.md — report, tiers, file, dispatch, claim or return, extension, park, report back, verify, close,
 * evaluate, reopen — with its history in the audit chain and an event for every transition. The one application
 * service is {@link io.grassroots.cases.CaseManagement}; reads go through {@link io.grassroots.cases.CaseQueries}.
 */
package io.grassroots.cases;

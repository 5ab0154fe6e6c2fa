/**
 * Console support that every module's pages use: the layout context {@code Ui}, error pages and problem details.
 */
@org.springframework.modulith.NamedInterface("web")
package io.grassroots.shared.web;

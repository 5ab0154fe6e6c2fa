/**
 * Notifications: in-app notices for staff (orders, reminders, supervision orders, cards, whistle calls) and, through
 * an outbox, webhook deliveries to SMS or messaging providers telling residents about their cases.
 */
package io.grassroots.notification;

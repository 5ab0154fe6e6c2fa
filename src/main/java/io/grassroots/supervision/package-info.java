/**
 * Online supervision (在线督办): the deadline sweep that reminds at yellow, issues supervision orders at red and cards
 * departments whose cases stay overdue; manual reminders, orders and cards by supervisors; whistle orders (吹哨报到)
 * that call several departments to report in.
 */
package io.grassroots.supervision;

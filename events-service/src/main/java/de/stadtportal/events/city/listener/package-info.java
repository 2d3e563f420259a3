/** Kafka in: the city events of content-service, taken one record at a time in partition order. */
package de.stadtportal.events.city.listener;

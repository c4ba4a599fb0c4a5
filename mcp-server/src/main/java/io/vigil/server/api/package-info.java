/**
 * The REST API under {@code /api/v1}, one package per feature: {@code models} (registry), {@code
 * ingest} (inference records and labels), and the cross-cutting {@code problems} (every error as an
 * RFC 9457 problem) and {@code limits} (body size, in-flight admission). Controllers are thin and
 * package-private: bind the request, call one tools service, render its answer. The observability
 * queries (accuracy, drift, logs...) join as {@code api.query} over the tools services that compute
 * them.
 */
package io.vigil.server.api;

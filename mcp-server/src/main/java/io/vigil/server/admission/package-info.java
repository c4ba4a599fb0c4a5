/** Admission control shared by the REST API and the MCP tools: how many queries run at once. */
package io.vigil.server.admission;

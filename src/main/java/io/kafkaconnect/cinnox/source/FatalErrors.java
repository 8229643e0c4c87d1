package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.client.FatalApiException;

/** Turns an error that retrying cannot fix into a message that says what the user should change. */
final class FatalErrors {

    private FatalErrors() {
    }

    static String explain(FatalApiException e) {
        String advice = switch (e.reason()) {
            case INVALID_TOKEN -> "CINNOX rejected the App Token: check " + CinnoxSourceConfig.APP_TOKEN_CONFIG
                    + " (the token may have been regenerated, or the App deleted, in the CINNOX dashboard).";
            case INVALID_APP -> "CINNOX does not know this App: check " + CinnoxSourceConfig.APP_ID_CONFIG + ".";
            case METHOD_NOT_FOUND -> "CINNOX has no such endpoint: check that " + CinnoxSourceConfig.BASE_URL_CONFIG
                    + " is the Base URL shown with the App in the CINNOX dashboard.";
            case PAGE_LIMIT_TOO_LARGE -> "CINNOX refused the page size: lower " + CinnoxSourceConfig.PAGE_SIZE_CONFIG + ".";
            default -> "CINNOX refused a request the connector built; this needs a fix in the connector or its "
                    + "configuration, retrying will not help. Please report it with this message.";
        };
        return advice + " (" + e.getMessage() + ")";
    }
}

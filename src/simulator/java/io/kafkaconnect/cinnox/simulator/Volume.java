package io.kafkaconnect.cinnox.simulator;

/**
 * How many records of each kind the simulator generates per day and service account.
 * {@link #perDay(int)} uses n enquiries, calls and SMS, n/10 conferences and n/50 campaigns (at least one each when n > 0).
 */
public record Volume(int enquiries, int calls, int conferences, int sms, int campaigns) {

    public Volume {
        if (enquiries < 0 || calls < 0 || conferences < 0 || sms < 0 || campaigns < 0) {
            throw new IllegalArgumentException("volumes must not be negative");
        }
        if (Math.max(Math.max(enquiries, calls), Math.max(sms, Math.max(conferences, campaigns))) > 60_000) {
            throw new IllegalArgumentException("at most 60000 records of one kind per day");
        }
    }

    public static Volume perDay(int n) {
        return new Volume(n, n, scaled(n, 10), n, scaled(n, 50));
    }

    public static Volume none() {
        return new Volume(0, 0, 0, 0, 0);
    }

    private static int scaled(int n, int divisor) {
        return n == 0 ? 0 : Math.max(1, n / divisor);
    }

    public Volume withEnquiries(int n) {
        return new Volume(n, calls, conferences, sms, campaigns);
    }

    public Volume withCalls(int n) {
        return new Volume(enquiries, n, conferences, sms, campaigns);
    }

    public Volume withConferences(int n) {
        return new Volume(enquiries, calls, n, sms, campaigns);
    }

    public Volume withSms(int n) {
        return new Volume(enquiries, calls, conferences, n, campaigns);
    }

    public Volume withCampaigns(int n) {
        return new Volume(enquiries, calls, conferences, sms, n);
    }
}

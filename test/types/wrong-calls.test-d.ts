// Deliberately wrong calls against the committed Appboy and Appcues packages (generated/): every
// one must be a compile error. tsc fails on an unused `@ts-expect-error`, so a wrong call that
// compiles fails this file; test/types/wrong-calls.test.ts counts them and checks each directive
// stands on a line the compiler rejects. The comment after each directive says what is wrong.
import { describe, it } from 'vitest';
import { createAppboyClient, type AppboyClient, type components as AppboyTypes } from '../../generated/appboy/index.ts';
import { createAppcuesClient, type AppcuesClient } from '../../generated/appcues/index.ts';

declare const appboy: AppboyClient;
declare const appcues: AppcuesClient<'account_id'>;
type Appboy = AppboyTypes['schemas'];
const messages = { email: { app_id: 'a', from: 'Club <club@example.com>', body: '<p>hi</p>' } };
const schedule = { time: '2015-02-20T13:14:47' };

describe('wrong calls against the Appboy client', () => {
  it('rejects every one', async () => {
    // @ts-expect-error client options: the app group id is a string
    createAppboyClient({ appGroupId: 42 });
    // @ts-expect-error /messages/send: neither segment_id, external_user_ids nor audience
    void appboy.messaging.sendMessages({ body: { messages } });
    // @ts-expect-error /messages/send: messages is required
    void appboy.messaging.sendMessages({ body: { segment_id: 's' } });
    // @ts-expect-error /messages/send: external_user_ids is a list of strings
    void appboy.messaging.sendMessages({ body: { external_user_ids: [1, 2], messages } });
    // @ts-expect-error /messages/send: recipient_subscription_state is not one of its enum values
    void appboy.messaging.sendMessages({ body: { segment_id: 's', messages, recipient_subscription_state: 'everyone' } });
    // @ts-expect-error /messages/send: an email message needs a body or an email template
    void appboy.messaging.sendMessages({ body: { segment_id: 's', messages: { email: { app_id: 'a', from: 'Club <club@example.com>' } } } });
    // @ts-expect-error /messages/send: an audience filter's comparison is not one of its values
    void appboy.messaging.sendMessages({ body: { audience: { push_subscription_status: { comparison: 'equals', value: 'opted_in' } }, messages } });
    // @ts-expect-error /messages/schedule/create: neither segment_id nor external_user_ids
    void appboy.schedules.createMessageSchedule({ body: { schedule, messages } });
    // @ts-expect-error /messages/schedule/create: the schedule time is a date string, not a number
    void appboy.schedules.createMessageSchedule({ body: { segment_id: 's', schedule: { time: 1424437787 }, messages } });
    // @ts-expect-error /messages/schedule/create: the schedule is required
    void appboy.schedules.createMessageSchedule({ body: { segment_id: 's', messages } });
    // @ts-expect-error /messages/schedule/update: neither schedule nor messages
    void appboy.schedules.updateMessageSchedule({ body: { schedule_id: 'x' } });
    // @ts-expect-error /messages/schedule/update: schedule_id is required
    void appboy.schedules.updateMessageSchedule({ body: { schedule } });
    // @ts-expect-error /messages/schedule/create: Windows Phone 8 under both of its keys
    void appboy.schedules.createMessageSchedule({ body: { segment_id: 's', schedule, messages: { windows_push: { alert: 'a' }, windows_phone8_push: { alert: 'a' } } } });
    // @ts-expect-error /users/delete: both external_ids and appboy_ids
    void appboy.userData.deleteUsers({ body: { external_ids: ['a'], appboy_ids: ['b'] } });
    // @ts-expect-error /users/delete: neither external_ids nor appboy_ids
    void appboy.userData.deleteUsers({ body: {} });
    // @ts-expect-error /users/track: an event's time is a date string, not a number
    void appboy.userData.trackUsers({ body: { events: [{ external_id: 'u', name: 'e', time: 1700000000 }] } });
    // @ts-expect-error /users/track: an event needs its name
    void appboy.userData.trackUsers({ body: { events: [{ external_id: 'u', time: '2024-01-01T00:00:00Z' }] } });
    // @ts-expect-error /users/track: a purchase's price is a number
    void appboy.userData.trackUsers({ body: { purchases: [{ external_id: 'u', product_id: 'p', currency: 'USD', price: '9.99', time: '2024-01-01T00:00:00Z' }] } });
    // @ts-expect-error /users/track: gender is "M" or "F"
    void appboy.userData.trackUsers({ body: { attributes: [{ external_id: 'u', gender: 'X' }] } });
    // @ts-expect-error /users/track: a push-token import forbids external_id
    void appboy.userData.trackUsers({ body: { attributes: [{ push_token_import: true, external_id: 'u', push_tokens: [{ app_id: 'a', token: 't' }] }] } });
    // @ts-expect-error /users/track: a custom attribute increment takes a number
    void appboy.userData.trackUsers({ body: { attributes: [{ external_id: 'u', visits: { inc: 'one' } }] } });
    // @ts-expect-error /email/status: subscription_state is not one of its enum values
    void appboy.emailSync.setEmailSubscriptionStatus({ body: { email: 'a@example.com', subscription_state: 'maybe' } });
    // @ts-expect-error /segments/data_series: length is required
    void appboy.segmentExport.getSegmentDataSeries({ query: { segment_id: 's' } });
    // @ts-expect-error /segments/data_series: length is a number
    void appboy.segmentExport.getSegmentDataSeries({ query: { segment_id: 's', length: '14' } });
    // @ts-expect-error /sessions/data_series: unit is "day" or "hour"
    void appboy.sessionsAnalyticsExport.getSessionsDataSeries({ query: { length: 7, unit: 'week' } });
    // @ts-expect-error /users/export/ids: external_ids is a list
    void appboy.userExport.exportUsersByIds({ body: { external_ids: 'u1' } });
    // @ts-expect-error /campaigns/trigger/send: campaign_id is required
    void appboy.messaging.sendCampaignTrigger({ body: { recipients: [{ external_user_id: 'u' }] } });
    const series = await appboy.kpiExport.getDailyActiveUsersDataSeries({ query: { length: 7 } });
    // @ts-expect-error a data point's time (SeriesTime) is a date string, not a number
    const time: number | undefined = series.data?.[0]?.time;
    const details = await appboy.segmentExport.getSegmentDetails({ query: { segment_id: 's' } });
    // @ts-expect-error created_at (DateOrDateTime) is a date string, not a number
    const created: number | undefined = details.created_at;
    // @ts-expect-error a FlexibleDateTime is a string
    const flexible: Appboy['FlexibleDateTime'] = new Date(0).getTime();
    void [time, created, flexible];
  });
});

describe('wrong calls against the Appcues client', () => {
  it('rejects every one', async () => {
    // @ts-expect-error client options: the basic-auth halves are apiKey and apiSecret
    createAppcuesClient({ apiKey: 'k', password: 's' });
    // @ts-expect-error /activity: neither events nor profile_update
    void appcues.activityV1.recordUserActivity({ path: { user_id: 'u' }, body: { request_id: 'r' } });
    // @ts-expect-error /activity: an event's timestamp is a number or a date string, not a boolean
    void appcues.activityV1.recordUserActivity({ path: { user_id: 'u' }, body: { events: [{ name: 'e', timestamp: true }] } });
    // @ts-expect-error /activity: the user id is missing from the path
    void appcues.activityV1.recordUserActivity({ path: {}, body: { events: [{ name: 'e', timestamp: 1 }] } });
    // @ts-expect-error /segments: a segment needs a name
    void appcues.segments.createSegment({ body: { description: 'd' } });
    // @ts-expect-error /segments/{id}/add_user_ids: user_ids is a list of strings
    void appcues.segments.addUserIdsToSegment({ path: { segment_id: 's' }, body: { user_ids: [1] } });
    // @ts-expect-error /export/events: format is "csv" or "json"
    void appcues.exporting.exportEvents({ body: { email: 'a@example.com', format: 'xml' } });
    // @ts-expect-error /export/events: the email is required
    void appcues.exporting.exportEvents({ body: { format: 'csv' } });
    // @ts-expect-error /export/events: a bound is a date string, not a number
    void appcues.exporting.exportEvents({ body: { email: 'a@example.com', start_time: 20240101 } });
    // @ts-expect-error /flows/{id}: the flow id is required
    void appcues.flows.getFlow({ path: {} });
    // @ts-expect-error /users/{id}/events: limit is a number
    void appcues.endUsers.listUserEvents({ path: { user_id: 'u' }, query: { limit: 'ten' } });
    // @ts-expect-error track: the user id is a string
    void appcues.track(42, 'flow_shown');
  });
});

/** DirectLogin (OBP_USERNAME, OBP_PASSWORD, OBP_CONSUMER_KEY). */
export interface ObpCredentials {
  username: string;
  password: string;
  consumerKey: string;
}

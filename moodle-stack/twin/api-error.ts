// The error the plugin's web services answer with: Moodle's exception envelope carries `errorcode` and `message`.
export class LmsApiError extends Error {
  constructor(
    readonly errorcode: string,
    message: string,
  ) {
    super(message);
  }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace HelpdeskLite.Files;

public static class FileDownload
{
    /// <summary>
    /// Sends a stored file as a download (never shown inline), with its name encoded for the
    /// header and its bytes declared as opaque, so a browser never renders or runs it.
    /// </summary>
    public static FileStreamResult Result(Stream content, string fileName)
    {
        var safe = SafeFileName.From(fileName);
        return new FileStreamResult(content, "application/octet-stream")
        {
            FileDownloadName = safe,
            EnableRangeProcessing = false,
        };
    }

    public static void AddNoSniff(HttpResponse response) =>
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
}

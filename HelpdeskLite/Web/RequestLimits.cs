using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace HelpdeskLite.Web;

/// <summary>Settings of the <c>Limits</c> section: how large a request may be.</summary>
public sealed class RequestLimitOptions
{
    /// <summary>Maximum request body size in bytes, uploads included (default 50 MB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Maximum number of fields in one form (default 200).</summary>
    public int MaxFormFields { get; set; } = 200;

    /// <summary>Maximum length of a form field name, in characters (default 200).</summary>
    public int MaxFormKeyLength { get; set; } = 200;

    /// <summary>Maximum size of one form value, in bytes (default 1 MB).</summary>
    public int MaxFormValueBytes { get; set; } = 1024 * 1024;

    /// <summary>Maximum total size of the request headers, in bytes (default 32 KB).</summary>
    public int MaxRequestHeadersBytes { get; set; } = 32 * 1024;
}

public static class RequestLimits
{
    /// <summary>Applies the <c>Limits</c> section to Kestrel and to form parsing.</summary>
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("Limits").Get<RequestLimitOptions>() ?? new RequestLimitOptions();
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(limits));
        builder.Services.Configure<KestrelServerOptions>(options =>
        {
            options.AddServerHeader = false;
            options.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            options.Limits.MaxRequestHeadersTotalSize = limits.MaxRequestHeadersBytes;
        });
        builder.Services.Configure<FormOptions>(options =>
        {
            options.ValueCountLimit = limits.MaxFormFields;
            options.KeyLengthLimit = limits.MaxFormKeyLength;
            options.ValueLengthLimit = limits.MaxFormValueBytes;
            options.MultipartBodyLengthLimit = limits.MaxRequestBodyBytes;
        });
        return builder;
    }
}

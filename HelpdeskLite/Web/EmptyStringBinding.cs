using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace HelpdeskLite.Web;

/// <summary>
/// Binds an empty form field to "" instead of null. Page models declare their text inputs as
/// non-null strings, and a null there would turn an empty required field into a 500.
/// </summary>
public sealed class EmptyStringBinding : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType == typeof(string))
        {
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }
}

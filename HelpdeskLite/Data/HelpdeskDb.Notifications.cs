using HelpdeskLite.Notifications;
using LinqToDB;

namespace HelpdeskLite.Data;

public sealed partial class HelpdeskDb
{
    public ITable<Notification> Notifications => this.GetTable<Notification>();

    public ITable<NotificationOptOut> NotificationOptOuts => this.GetTable<NotificationOptOut>();
}

using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Features.Warehouse.TransferRequests;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.WriteOffs;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Tests.Warehouse;

/// <summary>The shared draft lifecycle and the two-location form check, on their own and as each document uses them (no database).</summary>
public class DraftLifecycleTests
{
    public enum Doc { Draft, Sent, Done }

    private static readonly DraftLifecycle<Doc> Rules = new()
    {
        Draft = Doc.Draft,
        Awaiting = Doc.Sent,
        Locked = "locked",
        Empty = "empty",
        NotAwaiting = s => $"not awaiting: {s}",
    };

    private static string Refusal(Action act) => Assert.Throws<BusinessRuleException>(act).Message;

    [Fact]
    public void A_draft_takes_line_changes_and_leaves_for_the_awaiting_status_once_it_has_a_line()
    {
        var lines = new List<WriteOffLine>();
        Rules.AddLine(Doc.Draft, lines, productId: 7, quantity: 2);
        Rules.AddLine(Doc.Draft, lines, productId: 7, quantity: 3);
        Assert.Equal(5, Assert.Single(lines).Quantity);
        Assert.Equal(Doc.Sent, Rules.Leave(Doc.Draft, lines));
        Rules.EnsureAwaiting(Doc.Sent);
        Assert.True(Rules.IsDraft(Doc.Draft));
        Assert.False(Rules.IsDraft(Doc.Sent));
    }

    [Theory]
    [InlineData(Doc.Sent)]
    [InlineData(Doc.Done)]
    public void After_the_draft_every_change_and_a_second_leave_are_refused_with_the_locked_message(Doc status)
    {
        var lines = new List<WriteOffLine> { new() { Id = 1, ProductId = 7, Quantity = 1 } };
        Assert.Equal("locked", Refusal(() => Rules.AddLine(status, lines, 7, 1)));
        Assert.Equal("locked", Refusal(() => Rules.ChangeLine(status, lines, 1, 2)));
        Assert.Equal("locked", Refusal(() => Rules.RemoveLine(status, lines, 1)));
        Assert.Equal("locked", Refusal(() => Rules.Leave(status, lines)));
        Assert.Equal("locked", Refusal(() => Rules.EnsureDraft(status)));
        Assert.Equal(1, Assert.Single(lines).Quantity);
    }

    [Fact]
    public void An_empty_draft_does_not_leave()
    {
        Assert.Equal("empty", Refusal(() => Rules.Leave(Doc.Draft, new List<WriteOffLine>())));
    }

    [Theory]
    [InlineData(Doc.Draft)]
    [InlineData(Doc.Done)]
    public void Only_an_awaiting_document_is_decided_and_the_refusal_names_the_status(Doc status)
    {
        Assert.Equal($"not awaiting: {status}", Refusal(() => Rules.EnsureAwaiting(status)));
    }

    [Theory]
    [InlineData(TransferStatus.Shipped, "Перемещение уже отгружено или отменено — изменить его нельзя.")]
    [InlineData(TransferStatus.Cancelled, "Перемещение уже отгружено или отменено — изменить его нельзя.")]
    public void A_transfer_past_its_draft_keeps_its_own_words(TransferStatus status, string message)
    {
        Assert.Equal(message, Refusal(() => new Transfer { Status = status }.AddLine(1, 1)));
    }

    [Fact]
    public void Each_document_refuses_sending_an_empty_draft_and_deciding_out_of_turn_in_its_own_words()
    {
        Assert.Equal("В перемещении нет строк. Добавьте товары, затем отгрузите.",
            Refusal(() => new Transfer().Ship(DateTime.UtcNow, "u")));
        Assert.Equal("Перемещение уже принято.",
            Refusal(() => new Transfer { Status = TransferStatus.Received }.Receive(new Dictionary<long, int>(), DateTime.UtcNow, "u")));
        Assert.Equal("Принять можно только отгруженное перемещение (статус «В пути»).",
            Refusal(() => new Transfer().Receive(new Dictionary<long, int>(), DateTime.UtcNow, "u")));

        Assert.Equal("В заявке нет строк. Добавьте товары, затем отправьте заявку на склад.",
            Refusal(() => new TransferRequest().Submit(DateTime.UtcNow)));
        Assert.Equal("Заявка уже отправлена — изменить её нельзя.",
            Refusal(() => new TransferRequest { Status = TransferRequestStatus.Open }.RemoveLine(1)));
        Assert.Equal("Заявка ещё не отправлена на склад.",
            Refusal(() => new TransferRequest().Reject("нет", DateTime.UtcNow, "u")));
        Assert.Equal("По заявке уже принято решение.",
            Refusal(() => new TransferRequest { Status = TransferRequestStatus.Rejected }.Reject("нет", DateTime.UtcNow, "u")));

        Assert.Equal("В списании нет строк. Отсканируйте товары или найдите их поиском, затем отправьте на утверждение.",
            Refusal(() => new WriteOff().Submit(DateTime.UtcNow, "u")));
        Assert.Equal("Списание уже отправлено на утверждение — изменить его нельзя.",
            Refusal(() => new WriteOff { Status = WriteOffStatus.Submitted }.ChangeLine(1, 2)));
        Assert.Equal("Списание ещё не отправлено на утверждение.",
            Refusal(() => new WriteOff().Approve(new Dictionary<int, decimal>(), DateTime.UtcNow, "u")));
        Assert.Equal("Списание уже проведено.",
            Refusal(() => new WriteOff { Status = WriteOffStatus.Posted }.Reject("нет", DateTime.UtcNow, "u")));
        Assert.Equal("Списание уже отклонено.",
            Refusal(() => new WriteOff { Status = WriteOffStatus.Rejected }.Approve(new Dictionary<int, decimal>(), DateTime.UtcNow, "u")));
    }

    [Fact]
    public void The_two_location_form_lists_missing_fields_then_the_same_location_then_a_long_comment()
    {
        Assert.Equal(
            [("A", "choose A"), ("B", "choose B"), ("Comment", "Комментарий — не длиннее 1000 символов.")],
            TwoLocationForm.Validate(new(null, "A", "choose A"), new(null, "B", "choose B"), "same", "Comment", new string('x', 1001)).ToList());
        Assert.Equal([("B", "same")], TwoLocationForm.Validate(new(3, "A", "a"), new(3, "B", "b"), "same", "Comment", null).ToList());
        Assert.Empty(TwoLocationForm.Validate(new(3, "A", "a"), new(4, "B", "b"), "same", "Comment", new string('x', 1000)));
    }

    [Fact]
    public void Both_two_location_forms_refuse_one_location_at_the_second_field_in_their_own_words()
    {
        Assert.Equal([("ToLocationId", "Точка получения должна отличаться от точки отправления.")],
            new CreateTransfer.Input { FromLocationId = 1, ToLocationId = 1 }.Validate().ToList());
        Assert.Equal([("SupplyingLocationId", "Склад должен отличаться от точки, которая просит товар.")],
            new CreateTransferRequest.Input { RequestingLocationId = 2, SupplyingLocationId = 2 }.Validate().ToList());
    }
}
